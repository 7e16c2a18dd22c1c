using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Json;

/// <summary>
/// Finds which field of a JSON message the proto parser refused. Google.Protobuf's errors do not say
/// where they are, so the message is parsed again one property at a time (descending into nested
/// messages and list items) until the smallest failing part is found. Only runs on bad input, and
/// within a budget, so a large bad body cannot make it expensive.
/// </summary>
internal static class JsonFieldLocator
{
    private const long BudgetChars = 8 * 1024 * 1024;

    /// <summary>The field at fault, named by proto field names ("options.author_roles[1]"), under <paramref name="prefix"/>.</summary>
    public static FieldProblem Locate(JsonCodec codec, JsonElement message, MessageDescriptor descriptor, string prefix, string fallback)
    {
        var budget = BudgetChars;
        return Find(codec, message, descriptor, prefix, ref budget) ?? new FieldProblem(Name(prefix), fallback);
    }

    private static FieldProblem? Find(JsonCodec codec, JsonElement value, MessageDescriptor descriptor, string path, ref long budget)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return new FieldProblem(Name(path), $"Expected a JSON object ({descriptor.FullName}).");
        }

        foreach (var property in value.EnumerateObject())
        {
            var field = descriptor.FindFieldByName(property.Name)
                ?? descriptor.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == property.Name);
            var fieldPath = Join(path, field?.Name ?? property.Name);
            if (field is null)
            {
                return new FieldProblem(fieldPath, $"{descriptor.FullName} has no field \"{property.Name}\".");
            }

            if (TryParse(codec, descriptor, property.Name, property.Value.GetRawText(), ref budget) is not { } error)
            {
                continue;
            }

            return Narrow(codec, field, property, fieldPath, ref budget) ?? new FieldProblem(fieldPath, error);
        }

        return null; // Every field parses alone: the fault is between them (e.g. two members of one oneof).
    }

    private static FieldProblem? Narrow(JsonCodec codec, FieldDescriptor field, JsonProperty property, string fieldPath, ref long budget)
    {
        var nested = field.FieldType == FieldType.Message && !IsWellKnown(field.MessageType) ? field.MessageType : null;
        if (field.IsMap)
        {
            return null;
        }

        if (field.IsRepeated && property.Value.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in property.Value.EnumerateArray())
            {
                if (TryParse(codec, field.ContainingType, property.Name, "[" + item.GetRawText() + "]", ref budget) is { } error)
                {
                    var itemPath = $"{fieldPath}[{index}]";
                    return (nested is not null && item.ValueKind == JsonValueKind.Object ? Find(codec, item, nested, itemPath, ref budget) : null)
                        ?? new FieldProblem(itemPath, error);
                }

                index++;
            }

            return null;
        }

        return nested is not null && property.Value.ValueKind == JsonValueKind.Object
            ? Find(codec, property.Value, nested, fieldPath, ref budget)
            : null;
    }

    /// <summary>Parses a message holding just one property; the parser's complaint, or null when it is fine.</summary>
    private static string? TryParse(JsonCodec codec, MessageDescriptor descriptor, string name, string rawValue, ref long budget)
    {
        budget -= rawValue.Length;
        if (budget < 0)
        {
            return null;
        }

        try
        {
            codec.Parse("{\"" + JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\":" + rawValue + "}", descriptor);
            return null;
        }
        catch (Exception ex) when (JsonCodec.IsBadInput(ex))
        {
            return ex.Message;
        }
    }

    // Their JSON forms are not objects of their fields (Timestamp is a string, Struct any object): report them whole.
    private static bool IsWellKnown(MessageDescriptor descriptor) => descriptor.File.Package == "google.protobuf";

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Name(string path) => path.Length == 0 ? "body" : path;
}
