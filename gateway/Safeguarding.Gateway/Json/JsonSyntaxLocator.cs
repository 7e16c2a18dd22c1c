using System.Text;
using System.Text.Json;

namespace Safeguarding.Gateway.Json;

/// <summary>
/// Where JSON that does not parse went wrong: the property (or list item) being read, and the line and
/// byte. System.Text.Json's document parser reports only the position, so the tokens are read again
/// here, keeping the path, up to the failure.
/// </summary>
internal static class JsonSyntaxLocator
{
    public static (string Field, string Description) Locate(byte[] body, int maxDepth)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow });
        var path = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(path);
                        path.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        path[^1].Property = reader.GetString();
                        break;
                    default:
                        Advance(path);
                        break;
                }
            }

            // Complete and well formed: the document parser refused it for another reason (e.g. nothing after a value).
            return ("body", "The body is not valid JSON.");
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var position = (ex.BytePositionInLine ?? 0) + 1;
            return (Name(path), $"The body is not valid JSON (line {line}, byte {position}).");
        }
    }

    private static void Advance(List<Frame> path)
    {
        if (path.Count > 0 && path[^1].IsArray)
        {
            path[^1].Index++;
        }
    }

    private static string Name(List<Frame> path)
    {
        var name = new StringBuilder();
        foreach (var frame in path)
        {
            if (frame.IsArray && frame.Index >= 0)
            {
                name.Append('[').Append(frame.Index).Append(']');
            }
            else if (!frame.IsArray && frame.Property is not null)
            {
                name.Append(name.Length == 0 ? string.Empty : ".").Append(frame.Property);
            }
        }

        return name.Length == 0 ? "body" : name.ToString();
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Property { get; set; }
    }
}
