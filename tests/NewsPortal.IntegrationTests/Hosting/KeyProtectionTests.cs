using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Tests.Shared;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>
/// With a certificate configured, the data-protection keys (which sign editor sessions) are encrypted on disk: the
/// site reads them back, and a copy of the data folder without the certificate cannot use them.
/// </summary>
[Trait("Database", "Sqlite")]
public sealed class KeyProtectionTests : IDisposable
{
    private const string CertificatePassword = "a pass phrase for the test certificate";

    private readonly string _dataDirectory = TestHost.NewDataDirectory();
    private readonly string _certificate = Path.Combine(Path.GetTempPath(), $"newsportal-keys-{Guid.NewGuid():N}.pfx");

    public KeyProtectionTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=NewsPortal data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_certificate, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    public void Dispose()
    {
        File.Delete(_certificate);
        TestHost.DeleteDataDirectory(_dataDirectory);
    }

    /// <summary>The site on the test's data directory, with or without the certificate.</summary>
    private sealed class Site(string dataDirectory, string? certificate) : NewsPortalFactory(dataDirectory)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (certificate is not null)
            {
                builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["DataProtection:CertificatePath"] = certificate,
                    ["DataProtection:CertificatePassword"] = CertificatePassword,
                }));
            }
        }
    }

    private static async Task<HttpStatusCode> EditorAreaWithAsync(NewsPortalFactory site, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/editor");
        request.Headers.Add("Cookie", cookie);
        return (await EditorSession.NewClient(site).SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task KeysAreEncryptedOnDiskAndOnlyTheCertificateOpensThem()
    {
        string cookie;
        await using (var site = new Site(_dataDirectory, _certificate))
        {
            await ((Xunit.IAsyncLifetime)site).InitializeAsync();
            var editor = await EditorSession.SignInAsync(site, NewsroomRoles.Editor);
            cookie = editor.SessionCookie!;
            Assert.Equal(HttpStatusCode.OK, await EditorAreaWithAsync(site, cookie));
        }

        var keys = Directory.GetFiles(Path.Combine(_dataDirectory, "keys"), "*.xml").Select(File.ReadAllText).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Contains("<encryptedSecret", key, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", key, StringComparison.Ordinal);
        });

        // The same folder with the certificate: the session goes on after a restart.
        await using (var again = new Site(_dataDirectory, _certificate))
        {
            await ((Xunit.IAsyncLifetime)again).InitializeAsync();
            Assert.Equal(HttpStatusCode.OK, await EditorAreaWithAsync(again, cookie));
        }

        // The folder alone (a stolen copy or backup) cannot read the key that signed the cookie.
        await using var stolen = new Site(_dataDirectory, certificate: null);
        await ((Xunit.IAsyncLifetime)stolen).InitializeAsync();
        Assert.Equal(HttpStatusCode.Redirect, await EditorAreaWithAsync(stolen, cookie));
    }

    [Fact]
    public async Task ACertificateThatCannotBeOpenedStopsTheStart()
    {
        var site = new WrongPassword(_dataDirectory, _certificate);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ((Xunit.IAsyncLifetime)site).InitializeAsync());
        await site.DisposeAsync();

        Assert.Contains("DataProtection:CertificatePath", failure.ToString(), StringComparison.Ordinal);
    }

    private sealed class WrongPassword(string dataDirectory, string certificate) : NewsPortalFactory(dataDirectory)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = certificate,
                ["DataProtection:CertificatePassword"] = "not the password",
            }));
        }
    }
}
