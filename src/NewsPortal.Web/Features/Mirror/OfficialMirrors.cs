using System.Text;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Mirror;

/// <summary>
/// The text of <c>/mirrors.txt</c>: the official mirrors (<see cref="MirrorOptions.OfficialMirrors"/> and the onion
/// address), one per line, under comment lines that say whose list it is and where the key that signs every copy is.
/// </summary>
public static class OfficialMirrors
{
    public const string KeyPath = ".well-known/newsportal-mirror-key.pem";

    public static string Text(SiteOptions site, MirrorOptions mirror)
    {
        var text = new StringBuilder()
            .Append("# Official mirrors of ").Append(site.Name).Append(" (").Append(site.BaseUri.AbsoluteUri).Append(")\n")
            .Append("# Every copy holds mirror-manifest.json, signed with the key at ").Append(new Uri(site.BaseUri, KeyPath).AbsoluteUri).Append('\n');
        if (mirror.OnionAddress.Length > 0)
        {
            text.Append(mirror.OnionAddress).Append('\n');
        }

        foreach (var address in mirror.OfficialMirrors)
        {
            text.Append(address).Append('\n');
        }

        return text.ToString();
    }
}
