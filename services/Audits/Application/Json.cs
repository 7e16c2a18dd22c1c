using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Safeguarding.Audits.Application;

/// <summary>Proto messages and lists of them as the JSON kept in text columns (proto3 JSON, so fields can be added).</summary>
internal static class Json
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static string Write(IMessage message) => Formatter.Format(message);

    public static T Read<T>(string json)
        where T : IMessage, new() => Parser.Parse<T>(json);

    public static string WriteList<T>(IEnumerable<T> messages)
        where T : IMessage
    {
        var text = new StringBuilder("[");
        foreach (var message in messages)
        {
            if (text.Length > 1)
            {
                text.Append(',');
            }

            text.Append(Formatter.Format(message));
        }

        return text.Append(']').ToString();
    }

    public static List<T> ReadList<T>(string? json)
        where T : IMessage, new()
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => Parser.Parse<T>(e.GetRawText()))];
    }

    public static Timestamp? Time(DateTime? at) =>
        at is { } value ? Timestamp.FromDateTime(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
