using Microsoft.Data.Sqlite;

namespace NewsPortal.Web.Data;

/// <summary>
/// Whether a failure means the site cannot write at all (the disk is full, the database or its folder is
/// read-only, the disk fails), as opposed to a fault in what was written. Such a write is answered 503 with the
/// person's text kept; reading goes on.
/// </summary>
public static class StorageFailure
{
    // SQLite result codes: https://www.sqlite.org/rescode.html (primary codes; extended codes keep them in the low byte).
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCannotOpen = 14;

    // ENOSPC and EROFS as .NET reports them on Linux, and ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.
    private static readonly HashSet<int> DiskFullHResults = [28, 30, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    public static bool IsStorageUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is SqliteReadOnly or SqliteIoError or SqliteFull or SqliteCannotOpen:
                    return true;
                case IOException io when DiskFullHResults.Contains(io.HResult) || DiskFullHResults.Contains(io.HResult & 0xFFFF):
                    return true;
                case UnauthorizedAccessException:
                    return true;
            }
        }

        return false;
    }
}
