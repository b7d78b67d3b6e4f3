using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace NewsPortal.Web.Features.ReaderCache;

/// <summary>
/// The content coding a response will be compressed with, as the response compression middleware chooses
/// it: the accepted coding with the highest quality, Brotli before gzip on a tie. The cache keeps one entry
/// per coding, so each page is compressed once, when it is rendered, not on every request.
/// </summary>
public static class ContentCoding
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";
    public const string Identity = "identity";

    public static string Negotiate(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding)
            || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return Identity;
        }

        double brotli = 0, gzip = 0, identity = 0;
        foreach (var coding in codings)
        {
            var quality = coding.Quality ?? 1;
            if (coding.Value.Equals(Brotli, StringComparison.OrdinalIgnoreCase) || coding.Value.Equals("*", StringComparison.Ordinal))
            {
                brotli = Math.Max(brotli, quality);
            }

            if (coding.Value.Equals(Gzip, StringComparison.OrdinalIgnoreCase) || coding.Value.Equals("*", StringComparison.Ordinal))
            {
                gzip = Math.Max(gzip, quality);
            }

            if (coding.Value.Equals(Identity, StringComparison.OrdinalIgnoreCase))
            {
                identity = Math.Max(identity, quality);
            }
        }

        var best = Math.Max(brotli, gzip);
        return best <= 0 || identity > best ? Identity : brotli >= gzip ? Brotli : Gzip;
    }
}
