using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NewsPortal.Tests.Shared;

/// <summary>
/// Collects what the server logs at Warning and above (or another minimum level), so tests can fail on
/// unexpected warnings.
/// </summary>
public sealed class CapturedLogs(LogLevel minimumLevel = LogLevel.Warning) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, minimumLevel, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogLevel minimumLevel, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
