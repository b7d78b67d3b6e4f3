namespace NewsPortal.UnitTests;

/// <summary>Files of the source tree, found from the test assembly's folder upwards.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("NewsPortal.sln was not found above the test assembly.");
    }
}
