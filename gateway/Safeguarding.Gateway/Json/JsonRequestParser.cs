using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Safeguarding.Gateway.Json;

/// <summary>
/// Turns a facade request's body into request messages: one JSON object (unary and server streaming),
/// or a JSON array of them (client streaming; item i's fields are named "[i].field"). Bad JSON is an
/// INVALID_ARGUMENT naming the field, or the line and byte, at fault.
/// </summary>
internal static class JsonRequestParser
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 64, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    public static (IReadOnlyList<IMessage>? Messages, JsonRejection? Rejection) Parse(JsonCodec codec, MethodDescriptor method, byte[] body)
    {
        var input = method.InputType;
        if (body.Length == 0)
        {
            return (method.IsClientStreaming ? [] : [input.Parser.ParseFrom(ByteString.Empty)], null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Strict);
        }
        catch (JsonException)
        {
            // The message is ours, never the parser's: it can quote the input.
            var (field, description) = JsonSyntaxLocator.Locate(body, Strict.MaxDepth);
            return (null, JsonRejection.BadField(field, description));
        }

        using (document)
        {
            var root = document.RootElement;
            if (!method.IsClientStreaming)
            {
                var (message, rejection) = ParseOne(codec, root, input, string.Empty, Encoding.UTF8.GetString(body));
                return rejection is null ? ([message!], null) : (null, rejection);
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return (null, JsonRejection.BadField("body", $"{method.Name} takes a stream of messages: send a JSON array of {input.FullName}."));
            }

            var messages = new List<IMessage>();
            var index = 0;
            foreach (var item in root.EnumerateArray())
            {
                var (message, rejection) = ParseOne(codec, item, input, $"[{index++}]", item.GetRawText());
                if (rejection is not null)
                {
                    return (null, rejection);
                }

                messages.Add(message!);
            }

            return (messages, null);
        }
    }

    private static (IMessage? Message, JsonRejection? Rejection) ParseOne(JsonCodec codec, JsonElement element, MessageDescriptor input, string prefix, string json)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, JsonRejection.BadField(prefix.Length == 0 ? "body" : prefix, $"Expected a JSON object ({input.FullName})."));
        }

        try
        {
            return (codec.Parse(json, input), null);
        }
        catch (Exception ex) when (JsonCodec.IsBadInput(ex))
        {
            var problem = JsonFieldLocator.Locate(codec, element, input, prefix, ex.Message);
            return (null, JsonRejection.BadField(problem.Field, problem.Description));
        }
    }
}
