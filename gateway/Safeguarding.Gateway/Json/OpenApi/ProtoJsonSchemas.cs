using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi;

namespace Safeguarding.Gateway.Json.OpenApi;

/// <summary>
/// JSON schemas of proto messages as the facade reads and writes them (the proto3 JSON mapping): lowerCamelCase
/// names, 64-bit integers and bytes as strings, enums by name, Timestamp and Duration as strings, repeated fields as
/// arrays, maps as objects. Each message is one component schema, referenced wherever it is used.
/// </summary>
internal sealed class ProtoJsonSchemas(OpenApiDocument document)
{
    private readonly IDictionary<string, IOpenApiSchema> _components = document.Components!.Schemas!;

    /// <summary>A reference to the message's schema, adding it (and what it uses) on first use.</summary>
    public IOpenApiSchema For(MessageDescriptor message)
    {
        if (WellKnown(message) is { } known)
        {
            return known;
        }

        if (!_components.ContainsKey(message.FullName))
        {
            var schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) };
            _components[message.FullName] = schema; // before the fields: a message may contain itself
            foreach (var field in message.Fields.InDeclarationOrder())
            {
                schema.Properties[field.JsonName] = Field(field);
            }

            if (message.Oneofs.Any(o => !o.IsSynthetic))
            {
                schema.Description = "At most one field of each group may be set: "
                    + string.Join("; ", message.Oneofs.Where(o => !o.IsSynthetic).Select(o => string.Join(", ", o.Fields.Select(f => f.JsonName)))) + ".";
            }
        }

        return new OpenApiSchemaReference(message.FullName, document);
    }

    private IOpenApiSchema Field(FieldDescriptor field)
    {
        if (field.IsMap)
        {
            var value = field.MessageType.FindFieldByNumber(2);
            return new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Single(value) };
        }

        return field.IsRepeated ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = Single(field) } : Single(field);
    }

    private IOpenApiSchema Single(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Message or FieldType.Group => For(field.MessageType),
        FieldType.Enum => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = field.EnumType.Values.Select(v => (JsonNode)JsonValue.Create(v.Name)).ToList(),
        },
        FieldType.String => new OpenApiSchema { Type = JsonSchemaType.String },
        FieldType.Bytes => new OpenApiSchema { Type = JsonSchemaType.String, Format = "byte" },
        FieldType.Bool => new OpenApiSchema { Type = JsonSchemaType.Boolean },
        FieldType.Double => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double" },
        FieldType.Float => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "float" },
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => new OpenApiSchema { Type = JsonSchemaType.String, Format = "int64" },
        FieldType.UInt64 or FieldType.Fixed64 => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uint64" },
        FieldType.UInt32 or FieldType.Fixed32 => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "uint32" },
        _ => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
    };

    private static OpenApiSchema? WellKnown(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        "google.protobuf.Duration" => new OpenApiSchema { Type = JsonSchemaType.String, Description = "Seconds with an s suffix, e.g. \"1.5s\"." },
        "google.protobuf.Empty" => new OpenApiSchema { Type = JsonSchemaType.Object },
        "google.protobuf.Any" => new OpenApiSchema { Type = JsonSchemaType.Object, Description = "A message with its type in \"@type\"." },
        "google.protobuf.Struct" => new OpenApiSchema { Type = JsonSchemaType.Object },
        "google.protobuf.StringValue" => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        "google.protobuf.BoolValue" => new OpenApiSchema { Type = JsonSchemaType.Boolean | JsonSchemaType.Null },
        "google.protobuf.Int32Value" => new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null },
        "google.protobuf.Int64Value" => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "int64" },
        "google.protobuf.DoubleValue" => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null },
        _ => null,
    };
}
