using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Safeguarding.EndToEnd.Tests.Telemetry;

/// <summary>One log record as a provider saw it: everything a sink could write out.</summary>
public sealed record CapturedLog(
    string Source,
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    string? Exception,
    IReadOnlyList<KeyValuePair<string, string>> State,
    IReadOnlyList<string> Scopes)
{
    /// <summary>The whole record as text (message, exception with inner ones and stack, state values, scopes), for scanning.</summary>
    public string ToText()
    {
        var text = new StringBuilder()
            .Append(Source).Append(' ').Append(Category).Append(' ').Append(Level).Append(' ')
            .Append(EventId.Id.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(EventId.Name).Append(": ").Append(Message);
        foreach (var (key, value) in State)
        {
            text.Append(" | ").Append(key).Append('=').Append(value);
        }

        foreach (var scope in Scopes)
        {
            text.Append(" | scope ").Append(scope);
        }

        if (Exception is not null)
        {
            text.Append(" | exception ").Append(Exception);
        }

        return text.ToString();
    }
}

/// <summary>A thread-safe store of captured log records, shared by the providers of several apps.</summary>
public sealed class CapturedLogs
{
    private readonly ConcurrentQueue<CapturedLog> _records = new();

    public IReadOnlyList<CapturedLog> Records => [.. _records];

    public int Count => _records.Count;

    public void Add(CapturedLog record) => _records.Enqueue(record);

    public void Clear() => _records.Clear();

    /// <summary>Every record as (source, text) for a scanner.</summary>
    public IEnumerable<(string Source, string Text)> Texts() =>
        Records.Select(r => ($"log {r.Source}/{r.Category}#{r.EventId.Id.ToString(CultureInfo.InvariantCulture)}", r.ToText()));
}

/// <summary>
/// An <see cref="ILoggerProvider"/> that keeps every record it is given (at the levels the app's
/// logging configuration lets through), with its message, exception, state key/values and scope
/// values, so a test can check what a real sink would have written. Add it to each app to watch
/// (<see cref="LogCaptureExtensions.AddLogCapture"/>); name each app by its source.
/// </summary>
public sealed class CapturingLoggerProvider(CapturedLogs sink, string source) : ILoggerProvider, ISupportExternalScope
{
    private readonly CapturedLogs _sink = sink;
    private readonly string _source = source;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        // Records outlive the app: the test reads them after it stops.
    }

    private static string Describe(object? value) => value switch
    {
        null => "(null)",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list and not string => string.Join(",", list.Cast<object?>().Select(Describe)),
        _ => value.ToString() ?? string.Empty,
    };

    private static IEnumerable<KeyValuePair<string, string>> Pairs(object? state) =>
        state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => new KeyValuePair<string, string>(p.Key, Describe(p.Value)))
            : [];

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var scopes = new List<string>();
            provider._scopes.ForEachScope(
                (scope, list) =>
                {
                    var pairs = Pairs(scope).ToList();
                    list.Add(pairs.Count > 0 ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) + " (" + Describe(scope) + ")" : Describe(scope));
                },
                scopes);
            provider._sink.Add(new CapturedLog(
                provider._source, category, logLevel, eventId, formatter(state, exception), exception?.ToString(), [.. Pairs(state)], scopes));
        }
    }
}

public static class LogCaptureExtensions
{
    /// <summary>Adds a capturing provider for the app named <paramref name="source"/>; with <paramref name="only"/>, the app's other providers (console) are removed first.</summary>
    public static ILoggingBuilder AddLogCapture(this ILoggingBuilder logging, CapturedLogs sink, string source, bool only = true)
    {
        ArgumentNullException.ThrowIfNull(logging);
        if (only)
        {
            logging.ClearProviders();
        }

        logging.AddProvider(new CapturingLoggerProvider(sink, source));
        return logging;
    }
}
