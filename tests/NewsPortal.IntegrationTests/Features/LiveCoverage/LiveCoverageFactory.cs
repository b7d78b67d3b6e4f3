using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Features.LiveCoverage;

/// <summary>Live-coverage tests open, post to and end coverage: they get a database of their own.</summary>
public sealed class LiveCoverageFactory : NewsPortalFactory;

[CollectionDefinition(Name)]
public sealed class LiveCoverageCollection : ICollectionFixture<LiveCoverageFactory>
{
    public const string Name = "Live coverage";
}
