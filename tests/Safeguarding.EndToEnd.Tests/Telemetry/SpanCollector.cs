using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Safeguarding.EndToEnd.Tests.Telemetry;

/// <summary>A finished span with everything an exporter could send: names, tags, events, status, baggage, links.</summary>
public sealed record CapturedSpan(
    string Source,
    string DisplayName,
    string OperationName,
    ActivityKind Kind,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    ActivityStatusCode Status,
    string? StatusDescription,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    IReadOnlyList<CapturedSpanEvent> Events,
    IReadOnlyList<KeyValuePair<string, string>> Baggage,
    IReadOnlyList<string> Links)
{
    /// <summary>The whole span as text, for scanning.</summary>
    public string ToText()
    {
        var text = new StringBuilder()
            .Append(Source).Append(' ').Append(DisplayName).Append(" (").Append(OperationName).Append(") ").Append(Kind)
            .Append(" trace ").Append(TraceId).Append(" span ").Append(SpanId).Append(" parent ").Append(ParentSpanId)
            .Append(" status ").Append(Status).Append(' ').Append(StatusDescription);
        foreach (var (key, value) in Tags)
        {
            text.Append(" | tag ").Append(key).Append('=').Append(value);
        }

        foreach (var item in Events)
        {
            text.Append(" | event ").Append(item.Name);
            foreach (var (key, value) in item.Tags)
            {
                text.Append(' ').Append(key).Append('=').Append(value);
            }
        }

        foreach (var (key, value) in Baggage)
        {
            text.Append(" | baggage ").Append(key).Append('=').Append(value);
        }

        foreach (var link in Links)
        {
            text.Append(" | link ").Append(link);
        }

        return text.ToString();
    }
}

public sealed record CapturedSpanEvent(string Name, IReadOnlyList<KeyValuePair<string, string>> Tags);

/// <summary>
/// Records every span of the process (all activity sources, sampled with all data) as it stops.
/// Activity listeners are process-wide: create one around the run to watch and dispose it after;
/// tests that must not see other tests' spans should not run in parallel with them.
/// </summary>
public sealed class SpanCollector : IDisposable
{
    private readonly ConcurrentQueue<CapturedSpan> _spans = new();
    private readonly ActivityListener _listener;

    public SpanCollector(Func<ActivitySource, bool>? sources = null)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = sources ?? (_ => true),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            SampleUsingParentId = (ref ActivityCreationOptions<string> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _spans.Enqueue(Capture(activity)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<CapturedSpan> Spans => [.. _spans];

    public int Count => _spans.Count;

    public void Clear() => _spans.Clear();

    /// <summary>Every span as (source, text) for a scanner.</summary>
    public IEnumerable<(string Source, string Text)> Texts() => Spans.Select(s => ($"span {s.Source}/{s.DisplayName}", s.ToText()));

    public void Dispose() => _listener.Dispose();

    private static CapturedSpan Capture(Activity activity) => new(
        activity.Source.Name,
        activity.DisplayName,
        activity.OperationName,
        activity.Kind,
        activity.TraceId.ToHexString(),
        activity.SpanId.ToHexString(),
        activity.ParentSpanId.ToHexString(),
        activity.Status,
        activity.StatusDescription,
        [.. activity.TagObjects.Select(t => new KeyValuePair<string, string>(t.Key, Describe(t.Value)))],
        [.. activity.Events.Select(e => new CapturedSpanEvent(e.Name, [.. e.Tags.Select(t => new KeyValuePair<string, string>(t.Key, Describe(t.Value)))]))],
        [.. activity.Baggage.Select(b => new KeyValuePair<string, string>(b.Key, b.Value ?? string.Empty))],
        [.. activity.Links.Select(l => l.Context.TraceId.ToHexString() + "/" + l.Context.SpanId.ToHexString()
            + string.Concat((l.Tags ?? []).Select(t => " " + t.Key + "=" + Describe(t.Value))))]);

    private static string Describe(object? value) => value switch
    {
        null => "(null)",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => string.Join(",", list.Cast<object?>().Select(Describe)),
        _ => value.ToString() ?? string.Empty,
    };
}
