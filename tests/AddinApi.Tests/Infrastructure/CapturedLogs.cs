using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CollabAddin.Api.Tests.Infrastructure;

/// <summary>Keeps the app's warnings and errors (with exceptions) so a failing test can say what happened inside.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();
    /// <summary>Warnings and up by default; the log-policy test lowers it to see everything the app writes.</summary>
    public LogLevel Minimum { get; set; } = LogLevel.Warning;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    public override string ToString() => string.Join(Environment.NewLine, Entries);

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => level >= owner.Minimum;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(level))
                owner.Entries.Enqueue($"{level} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
        }
    }
}
