using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Tests.Shared;

namespace NewsPortal.IntegrationTests.Localization;

/// <summary>A culture whose resource file lacks its list patterns and plural rules stops the start; it never reads as English.</summary>
public class LanguageDataStartupTests
{
    [Fact]
    public async Task ASupportedCultureWithoutItsLanguageRulesStopsTheStartNamingIt()
    {
        await using var factory = new CultureWithoutRulesFactory();
        try
        {
            var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            var validation = failure as OptionsValidationException ?? failure.InnerException as OptionsValidationException;
            Assert.NotNull(validation);
            Assert.Contains("'de'", validation.Message, StringComparison.Ordinal);
            Assert.Contains("PluralRules", validation.Message, StringComparison.Ordinal);
        }
        finally
        {
            TestHost.DeleteDataDirectory(factory.DataDirectory);
        }
    }

    private sealed class CultureWithoutRulesFactory : NewsPortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Localization:SupportedCultures:4"] = "de",
            }));
        }
    }
}
