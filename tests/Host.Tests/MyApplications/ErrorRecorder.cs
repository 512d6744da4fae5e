using Microsoft.Extensions.Logging;

namespace EmploymentProcedures.Host.Tests.MyApplications;

/// <summary>The errors (and worse, or from <paramref name="minimum"/> on) the portal logs while it records.</summary>
internal sealed class ErrorRecorder(LogLevel minimum = LogLevel.Error) : ILoggerProvider
{
    private readonly LogLevel _minimum = minimum;
    private volatile bool _stopped;

    public System.Collections.Concurrent.ConcurrentQueue<string> Entries { get; } = new();

    public void Stop() => _stopped = true;

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose() => Stop();

    private sealed class Recorder(ErrorRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!owner._stopped && IsEnabled(logLevel))
                owner.Entries.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name}");
        }
    }
}
