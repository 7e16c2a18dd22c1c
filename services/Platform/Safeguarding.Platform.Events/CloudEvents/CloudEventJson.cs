using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Safeguarding.Platform.Events;

/// <summary>Reads and writes the structured JSON format of CloudEvents 1.0 (System.Text.Json, no extra package).</summary>
public static class CloudEventJson
{
    private static readonly HashSet<string> Known =
    [
        "id", "source", "type", "specversion", "time", "datacontenttype", "subject", "data", "traceparent", "tracestate",
    ];

    /// <summary>UTF-8 JSON of <paramref name="cloudEvent"/>.</summary>
    public static byte[] Serialize(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512 + (cloudEvent.Data?.Length ?? 0));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, cloudEvent);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>JSON text of <paramref name="cloudEvent"/>.</summary>
    public static string SerializeToString(CloudEvent cloudEvent) => Encoding.UTF8.GetString(Serialize(cloudEvent));

    /// <summary>Writes <paramref name="cloudEvent"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(cloudEvent);
        writer.WriteStartObject();
        writer.WriteString("specversion", cloudEvent.SpecVersion);
        writer.WriteString("id", cloudEvent.Id);
        writer.WriteString("source", cloudEvent.Source);
        writer.WriteString("type", cloudEvent.Type);
        if (cloudEvent.Time is { } time)
        {
            writer.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        }

        WriteOptional(writer, "datacontenttype", cloudEvent.DataContentType);
        WriteOptional(writer, "subject", cloudEvent.Subject);
        WriteOptional(writer, "traceparent", cloudEvent.TraceParent);
        WriteOptional(writer, "tracestate", cloudEvent.TraceState);
        foreach (var (name, value) in cloudEvent.Extensions)
        {
            if (!Known.Contains(name))
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
        }

        if (cloudEvent.Data is { } data)
        {
            writer.WritePropertyName("data");
            writer.WriteRawValue(data);
        }

        writer.WriteEndObject();
    }

    /// <summary>Parses a structured CloudEvent; throws <see cref="CloudEventFormatException"/> when it is not one.</summary>
    public static CloudEvent Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            using var document = JsonDocument.ParseValue(ref reader);
            return From(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new CloudEventFormatException("The message is not valid JSON.", ex);
        }
    }

    /// <summary>Parses a structured CloudEvent from JSON text.</summary>
    public static CloudEvent Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a CloudEvent from an already parsed JSON object.</summary>
    public static CloudEvent From(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CloudEventFormatException("A structured CloudEvent must be a JSON object.");
        }

        var specVersion = RequiredString(root, "specversion");
        if (specVersion != CloudEvent.Version)
        {
            throw new CloudEventFormatException($"Unsupported CloudEvents specversion '{specVersion}'.");
        }

        if (root.TryGetProperty("data_base64", out _))
        {
            throw new CloudEventFormatException("Binary data (data_base64) is not accepted; data must be proto3 JSON.");
        }

        var extensions = new Dictionary<string, JsonElement>();
        foreach (var property in root.EnumerateObject())
        {
            if (!Known.Contains(property.Name))
            {
                extensions[property.Name] = property.Value.Clone();
            }
        }

        return new CloudEvent
        {
            Id = RequiredString(root, "id"),
            Source = RequiredString(root, "source"),
            Type = RequiredString(root, "type"),
            SpecVersion = specVersion,
            Time = OptionalString(root, "time") is { } time ? ParseTime(time) : null,
            DataContentType = OptionalString(root, "datacontenttype"),
            Subject = OptionalString(root, "subject"),
            TraceParent = OptionalString(root, "traceparent"),
            TraceState = OptionalString(root, "tracestate"),
            Data = root.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null ? data.GetRawText() : null,
            Extensions = extensions,
        };
    }

    private static DateTimeOffset ParseTime(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new CloudEventFormatException("The CloudEvent 'time' is not an RFC 3339 timestamp.");

    private static string RequiredString(JsonElement root, string name) =>
        OptionalString(root, name) is { Length: > 0 } value
            ? value
            : throw new CloudEventFormatException($"The CloudEvent has no '{name}' attribute.");

    private static string? OptionalString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new CloudEventFormatException($"The CloudEvent attribute '{name}' must be a string.");
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
