using System.Diagnostics;
using System.Net.Mime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents.SystemTextJson;
using Google.Protobuf;

namespace Safeguarding.Platform.Events;

/// <summary>
/// The platform's events as CloudNative <see cref="CloudEvent"/>s: built from proto messages (<c>data</c> is the
/// proto3 JSON of the message), read back into them, and carried in the structured JSON format
/// (<c>application/cloudevents+json</c>) written by the SDK's <see cref="JsonEventFormatter"/>.
/// The W3C trace context travels in the <c>traceparent</c>/<c>tracestate</c> extensions, as Dapr writes them;
/// every other attribute a broker adds (Dapr's <c>topic</c>, <c>pubsubname</c>, <c>traceid</c>) is kept on a round trip.
/// </summary>
public static class ProtoCloudEvents
{
    /// <summary>Media type of a structured CloudEvent in JSON.</summary>
    public const string MediaType = "application/cloudevents+json";

    /// <summary>Media type of <c>data</c>: proto3 JSON.</summary>
    public const string DataMediaType = "application/json";

    private static readonly ContentType StructuredContentType = new(MediaType);

    private static readonly JsonFormatter ProtoFormatter = new(JsonFormatter.Settings.Default);

    // Consumers built against an older proto still read newer events (fields added later are ignored).
    private static readonly JsonParser ProtoParser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>The W3C <c>traceparent</c> of the producing operation (CloudEvents distributed tracing extension).</summary>
    public static CloudEventAttribute TraceParentAttribute { get; } = CloudEventAttribute.CreateExtension("traceparent", CloudEventAttributeType.String);

    /// <summary>The W3C <c>tracestate</c> of the producing operation.</summary>
    public static CloudEventAttribute TraceStateAttribute { get; } = CloudEventAttribute.CreateExtension("tracestate", CloudEventAttributeType.String);

    /// <summary>The extension attributes the platform writes; pass them when decoding.</summary>
    public static IReadOnlyList<CloudEventAttribute> ExtensionAttributes { get; } = [TraceParentAttribute, TraceStateAttribute];

    /// <summary>The event format on every transport: the SDK's System.Text.Json formatter, structured mode.</summary>
    public static JsonEventFormatter Formatter { get; } = new();

    /// <summary>
    /// A new event (id: time-ordered GUID) about <paramref name="subject"/> (the organisation id).
    /// The trace context is <paramref name="trace"/>, else the current activity's, so the trace continues in consumers.
    /// </summary>
    public static CloudEvent Create<TMessage>(
        TMessage message, string source, string subject, DateTimeOffset time, Activity? trace = null)
        where TMessage : IMessage<TMessage>, new()
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var cloudEvent = new CloudEvent(ExtensionAttributes)
        {
            Id = Guid.CreateVersion7(time).ToString(),
            Source = new Uri(source, UriKind.RelativeOrAbsolute),
            Type = message.Descriptor.FullName,
            Time = time,
            DataContentType = DataMediaType,
            Subject = subject,
            Data = JsonSerializer.Deserialize<JsonElement>(ProtoFormatter.Format(message)),
        };
        if ((trace ?? Activity.Current) is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            cloudEvent[TraceParentAttribute] = activity.Id;
            cloudEvent[TraceStateAttribute] = activity.TraceStateString;
        }

        return cloudEvent;
    }

    /// <summary>
    /// The event's message; throws <see cref="CloudEventFormatException"/> when the type or data does not fit
    /// <typeparamref name="TMessage"/> (such an event can never be handled).
    /// </summary>
    public static TMessage ReadData<TMessage>(CloudEvent cloudEvent)
        where TMessage : IMessage<TMessage>, new()
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var expected = new TMessage().Descriptor.FullName;
        if (!string.Equals(cloudEvent.Type, expected, StringComparison.Ordinal))
        {
            throw new CloudEventFormatException($"Expected an event of type '{expected}', got '{cloudEvent.Type}'.");
        }

        var json = cloudEvent.Data switch
        {
            JsonElement element => element.GetRawText(),
            string text => text,
            null => throw new CloudEventFormatException("The event has no data."),
            byte[] => throw new CloudEventFormatException("Binary data (data_base64) is not accepted; data must be proto3 JSON."),
            _ => throw new CloudEventFormatException("The event's data is not JSON."),
        };
        try
        {
            return ProtoParser.Parse<TMessage>(json);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidJsonException)
        {
            throw new CloudEventFormatException($"The data is not proto3 JSON of '{expected}'.", ex);
        }
    }

    /// <summary>The event's <c>traceparent</c>, or null.</summary>
    public static string? GetTraceParent(this CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        return cloudEvent[TraceParentAttribute.Name] as string;
    }

    /// <summary>The event's <c>tracestate</c>, or null.</summary>
    public static string? GetTraceState(this CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        return cloudEvent[TraceStateAttribute.Name] as string;
    }

    /// <summary>UTF-8 structured JSON of <paramref name="cloudEvent"/>, exactly as every transport carries it.</summary>
    public static byte[] Encode(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var encoded = Formatter.EncodeStructuredModeMessage(cloudEvent, out _);
        // The formatter hands back a whole array; take it rather than copy it.
        return MemoryMarshal.TryGetArray(encoded, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : encoded.ToArray();
    }

    /// <summary>Structured JSON text of <paramref name="cloudEvent"/> (as stored in the outbox).</summary>
    public static string EncodeToString(CloudEvent cloudEvent) => Encoding.UTF8.GetString(Encode(cloudEvent));

    /// <summary>Reads a structured CloudEvent; throws <see cref="CloudEventFormatException"/> when it is not one.</summary>
    public static CloudEvent Decode(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            return Formatter.DecodeStructuredModeMessage(utf8Json, StructuredContentType, ExtensionAttributes);
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException or FormatException)
        {
            throw new CloudEventFormatException($"The message is not a structured JSON CloudEvent: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a structured CloudEvent from JSON text.</summary>
    public static CloudEvent Decode(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Decode(Encoding.UTF8.GetBytes(json));
    }
}
