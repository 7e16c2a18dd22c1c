using System.Text.Json;
using Google.Protobuf.WellKnownTypes;

namespace Safeguarding.Reporting.SignOff;

/// <summary>
/// A stored snapshot (JSON) as the API's proto Struct, read in one pass with System.Text.Json. Google.Protobuf's JSON
/// parser gives the same Struct but tokenises a string copy of the whole document: for a Report Book's megabyte that
/// was the slowest step of answering GenerateReportBook.
/// </summary>
internal static class SnapshotStruct
{
    public static Struct Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 128 });
        reader.Read();
        return reader.TokenType == JsonTokenType.StartObject
            ? ReadObject(ref reader)
            : throw new JsonException("A report snapshot is a JSON object.");
    }

    private static Struct ReadObject(ref Utf8JsonReader reader)
    {
        var result = new Struct();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            result.Fields[name] = ReadValue(ref reader);
        }

        return result;
    }

    private static ListValue ReadArray(ref Utf8JsonReader reader)
    {
        var result = new ListValue();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            result.Values.Add(ReadValue(ref reader));
        }

        return result;
    }

    private static Value ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => Value.ForStruct(ReadObject(ref reader)),
        JsonTokenType.StartArray => new Value { ListValue = ReadArray(ref reader) },
        JsonTokenType.String => Value.ForString(reader.GetString()!),
        JsonTokenType.Number => Value.ForNumber(reader.GetDouble()),
        JsonTokenType.True => Value.ForBool(true),
        JsonTokenType.False => Value.ForBool(false),
        JsonTokenType.Null => Value.ForNull(),
        _ => throw new JsonException("Unexpected " + reader.TokenType + " in a report snapshot."),
    };
}
