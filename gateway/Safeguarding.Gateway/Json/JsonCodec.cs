using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Safeguarding.Gateway.Json;

/// <summary>
/// Proto3 JSON both ways. Parsing accepts lowerCamelCase and the proto's own field names and refuses
/// unknown fields, so a typo is an error rather than a silently empty field. Answers are lowerCamelCase
/// with default values written out (zeros, empty strings, UNSPECIFIED enums), so every row of a
/// spreadsheet has the same columns. The type registry resolves google.protobuf.Any (error details).
/// </summary>
internal sealed class JsonCodec
{
    private const int RecursionLimit = 64;

    public JsonCodec(JsonProtoFiles files)
    {
        Registry = TypeRegistry.FromFiles(files.All);
        Parser = new JsonParser(new JsonParser.Settings(RecursionLimit, Registry).WithIgnoreUnknownFields(false));
        Formatter = new JsonFormatter(new JsonFormatter.Settings(formatDefaultValues: true, Registry));
    }

    public TypeRegistry Registry { get; }

    public JsonParser Parser { get; }

    public JsonFormatter Formatter { get; }

    public IMessage Parse(string json, MessageDescriptor descriptor) => Parser.Parse(json, descriptor);

    public string Format(IMessage message) => Formatter.Format(message);

    /// <summary>The exceptions Google.Protobuf's parser throws for bad input (never a bug of ours).</summary>
    public static bool IsBadInput(Exception exception) =>
        exception is InvalidProtocolBufferException or InvalidJsonException or FormatException or OverflowException or ArgumentException
            // e.g. an Any whose @type no known proto describes.
            or InvalidOperationException;
}
