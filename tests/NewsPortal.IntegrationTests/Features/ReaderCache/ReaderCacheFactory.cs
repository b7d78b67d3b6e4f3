using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Features.ReaderCache;

/// <summary>The reader cache's tests publish, edit and rename: they get a database of their own.</summary>
public sealed class ReaderCacheFactory : NewsPortalFactory;

[CollectionDefinition(Name)]
public sealed class ReaderCacheCollection : ICollectionFixture<ReaderCacheFactory>
{
    public const string Name = "Reader cache";
}
