using System.Text.Json;

namespace Safeguarding.Platform.Events;

/// <summary>
/// A CloudEvents 1.0 event as carried on every transport: structured JSON
/// (<c>application/cloudevents+json</c>) whose <c>data</c> is the proto3 JSON of an event message.
/// </summary>
public sealed record CloudEvent
{
    /// <summary>The only spec version written and accepted.</summary>
    public const string Version = "1.0";

    /// <summary>Media type of a structured CloudEvent.</summary>
    public const string MediaType = "application/cloudevents+json";

    /// <summary>Unique per event; consumers deduplicate on it.</summary>
    public required string Id { get; init; }

    /// <summary>URI-reference of the producing service, e.g. <c>/safeguarding/measures</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The proto message's full name, e.g. <c>safeguarding.measures.events.v1.ObservationRecorded</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Always <see cref="Version"/>.</summary>
    public string SpecVersion { get; init; } = Version;

    /// <summary>When the event happened (UTC).</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>Media type of <see cref="Data"/>; <c>application/json</c> for proto3 JSON.</summary>
    public string? DataContentType { get; init; } = "application/json";

    /// <summary>The organisation the event belongs to (an organisation id, never a person).</summary>
    public string? Subject { get; init; }

    /// <summary>The <c>data</c> member as raw JSON text, or null when absent.</summary>
    public string? Data { get; init; }

    /// <summary>W3C trace context of the producing operation (extension, as Dapr writes it).</summary>
    public string? TraceParent { get; init; }

    /// <summary>W3C trace state (extension, as Dapr writes it).</summary>
    public string? TraceState { get; init; }

    /// <summary>Other attributes, kept so a round trip loses nothing (Dapr adds <c>topic</c>, <c>pubsubname</c>, <c>traceid</c>).</summary>
    public IReadOnlyDictionary<string, JsonElement> Extensions { get; init; } = new Dictionary<string, JsonElement>();
}
