using Microsoft.AspNetCore.Hosting;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Features.Mirror;

/// <summary>A site with short list pages that keeps a static copy in its data directory (updated right after each save) and has an onion address and official mirrors.</summary>
public sealed class MirrorFactory : NewsPortalFactory
{
    public const string Onion = "http://newsportalmirrortestaddressabcdefghijklmnopqrstuvwxyz2.onion";

    public const string OfficialMirror = "https://mirror.example.net/newsportal/";

    public string KeptCopy => Path.Combine(DataDirectory, "mirror");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Short pages, so that the demo editions' lists have several pages to copy and link.
        builder.UseSetting("Site:PageSize", "3");
        builder.UseSetting("Mirror:Folder", "mirror");
        builder.UseSetting("Mirror:UpdateDelaySeconds", "0");
        builder.UseSetting("Mirror:OnionAddress", Onion);
        builder.UseSetting("Mirror:OfficialMirrors:0", OfficialMirror);
    }
}

[CollectionDefinition(Name)]
public sealed class MirrorCollection : ICollectionFixture<MirrorFactory>
{
    public const string Name = "Mirror";
}
