using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Safeguarding.Gateway.Pages;

namespace Safeguarding.Gateway.Json.OpenApi;

/// <summary>
/// <c>GET /api/docs</c>: the JSON API's OpenAPI document as a page people can read without tools: every operation
/// under its service with who may call it, and each message's fields with their JSON types (messages link to their
/// own tables). Same frame, styles and accessibility as the report pages; the document itself is
/// <c>/openapi/api.json</c>.
/// </summary>
internal static class JsonApiReferencePage
{
    public const string Path = "/api/docs";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        endpoints.MapGet(Path, (RequestDelegate)RenderAsync).WithDisplayName("JSON API reference");
    }

    private static async Task RenderAsync(HttpContext http)
    {
        var provider = http.RequestServices.GetRequiredKeyedService<IOpenApiDocumentProvider>(JsonApiDocument.Name);
        var document = await provider.GetOpenApiDocumentAsync(http.RequestAborted);
        var html = new StringBuilder()
            .Append("<p>").Append(PageMarkup.Encode(document.Info.Description ?? string.Empty)).Append("</p>\n")
            .Append("<p>Machine-readable: <a href=\"/openapi/").Append(JsonApiDocument.Name).Append(".json\">the OpenAPI document</a>.</p>\n");
        foreach (var service in document.Paths.GroupBy(p => Tag(p.Value), StringComparer.Ordinal))
        {
            html.Append("<h2>").Append(PageMarkup.Encode(service.Key)).Append("</h2>\n");
            foreach (var entry in service)
            {
                var (path, item) = (entry.Key, entry.Value);
                var operation = item.Operations![HttpMethod.Post];
                html.Append("<h3 id=\"").Append(PageMarkup.Encode(operation.OperationId ?? path)).Append("\">").Append(PageMarkup.Encode(operation.Summary ?? path)).Append("</h3>\n")
                    .Append("<p><code>POST ").Append(PageMarkup.Encode(path)).Append("</code></p>\n")
                    .Append("<p>").Append(PageMarkup.Encode(operation.Description ?? string.Empty)).Append("</p>\n")
                    .Append("<p>Request: ").Append(TypeOf(operation.RequestBody!.Content!["application/json"].Schema!))
                    .Append(". Answer: ").Append(TypeOf(operation.Responses!["200"].Content!["application/json"].Schema!)).Append(".</p>\n");
            }
        }

        html.Append("<h2>Messages</h2>\n");
        foreach (var (name, schema) in document.Components!.Schemas!.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            html.Append("<table id=\"").Append(Anchor(name)).Append("\">\n<caption>").Append(PageMarkup.Encode(name)).Append("</caption>\n")
                .Append("<thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Type</th></tr></thead>\n<tbody>\n");
            foreach (var (field, type) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                html.Append("<tr><td><code>").Append(PageMarkup.Encode(field)).Append("</code></td><td>").Append(TypeOf(type)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
            if (schema.Description is { Length: > 0 } note)
            {
                html.Append("<p>").Append(PageMarkup.Encode(note)).Append("</p>\n");
            }
        }

        await PageResponses.WriteHtmlAsync(http, StatusCodes.Status200OK, PageMarkup.Page("JSON API reference", html.ToString(), PageForms.SignOutField(http)));
    }

    private static string Tag(IOpenApiPathItem item) => item.Operations![HttpMethod.Post].Tags?.FirstOrDefault()?.Name ?? "Other";

    /// <summary>A field's type in words, with messages linked to their tables.</summary>
    private static string TypeOf(IOpenApiSchema schema) => schema switch
    {
        OpenApiSchemaReference reference => $"<a href=\"#{Anchor(reference.Reference.Id!)}\">{PageMarkup.Encode(reference.Reference.Id!)}</a>",
        { Type: { } type } when type.HasFlag(JsonSchemaType.Array) => "list of " + TypeOf(schema.Items!),
        { Enum.Count: > 0 } => "one of " + PageMarkup.Encode(string.Join(", ", schema.Enum!.Select(e => e?.ToString()))),
        { AdditionalProperties: { } values } => "map of text to " + TypeOf(values),
        _ => PageMarkup.Encode(((schema.Type ?? JsonSchemaType.Object) & ~JsonSchemaType.Null).ToString().ToLowerInvariant() + (schema.Format is { } format ? $" ({format})" : string.Empty)),
    };

    private static string Anchor(string name) => "message-" + name.Replace('.', '-');
}
