using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Safeguarding.Gateway.Auth;

namespace Safeguarding.Gateway.Json.OpenApi;

/// <summary>
/// The OpenAPI document of the JSON API: one POST operation per RPC the gateway has a policy for and the facade can
/// carry (not bidirectional streams), with its request and answer schemas from the protos, the roles that may call
/// it, what it touches, and the google.rpc.Status error answers the facade gives (with the field at fault in a
/// BadRequest detail). Built from the same policy table the front door enforces, so it cannot list what is denied.
/// </summary>
internal sealed class JsonApiDocument(RpcPolicyTable policies, JsonRpcCatalogue catalogue) : IOpenApiDocumentTransformer
{
    public const string Name = "api";

    private const string Json = "application/json";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Safeguarding Platform JSON API",
            Version = "v1",
            Description = "Every RPC of the platform's gRPC API as POST /api/{package.Service}/{Method} with proto3 JSON "
                + "bodies. Send Authorization: Bearer <token>; X-Sg-Target-Organisation names the organisation a call is for "
                + "(default: your own); X-Request-Timeout (e.g. 10S) sets a deadline. Client-streaming RPCs take a JSON array "
                + "of requests, server-streaming ones answer an array.",
        };
        document.Paths = new OpenApiPaths();
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
        {
            ["bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT" },
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];

        var schemas = new ProtoJsonSchemas(document);
        var error = schemas.For(Google.Rpc.Status.Descriptor);
        foreach (var policy in policies.All.Where(p => p.Access != DataAccess.AnonymousHealth).OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            var parts = policy.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || catalogue.Find(parts[0], parts[1]) is not { IsBidirectional: false } rpc)
            {
                continue;
            }

            document.Paths[$"{JsonFacadeEndpoint.Prefix}/{parts[0]}/{parts[1]}"] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Post] = Operation(rpc, policy, schemas, error, document) },
            };
        }

        return Task.CompletedTask;
    }

    private static OpenApiOperation Operation(JsonRpc rpc, RpcPolicy policy, ProtoJsonSchemas schemas, IOpenApiSchema error, OpenApiDocument document)
    {
        var method = rpc.Descriptor;
        IOpenApiSchema request = schemas.For(method.InputType);
        IOpenApiSchema answer = schemas.For(method.OutputType);
        if (method.IsClientStreaming)
        {
            request = new OpenApiSchema { Type = JsonSchemaType.Array, Items = request };
        }

        if (method.IsServerStreaming)
        {
            answer = new OpenApiSchema { Type = JsonSchemaType.Array, Items = answer };
        }

        var responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "The answer.", Content = Body(answer) } };
        foreach (var (status, meaning) in Errors)
        {
            responses[status] = new OpenApiResponse { Description = meaning, Content = Body(error) };
        }

        return new OpenApiOperation
        {
            OperationId = $"{method.Service.Name}_{method.Name}",
            Summary = $"{method.Service.Name}.{method.Name}",
            Description = $"{Describe(policy.Access)} Roles: {string.Join(", ", policy.Roles.Order(StringComparer.Ordinal))}.",
            Tags = new HashSet<OpenApiTagReference> { new(method.Service.FullName, document) },
            RequestBody = new OpenApiRequestBody { Required = true, Content = Body(request) },
            Responses = responses,
        };
    }

    private static Dictionary<string, OpenApiMediaType> Body(IOpenApiSchema schema) => new(StringComparer.Ordinal) { [Json] = new OpenApiMediaType { Schema = schema } };

    private static readonly (string Status, string Meaning)[] Errors =
    [
        ("400", "INVALID_ARGUMENT or FAILED_PRECONDITION: details hold a google.rpc.BadRequest naming the field at fault."),
        ("401", "UNAUTHENTICATED: no valid bearer token, or a signed-out session."),
        ("403", "PERMISSION_DENIED: your roles or organisation do not allow this call."),
        ("404", "NOT_FOUND: no such record, or one that is not yours to see."),
        ("429", "RESOURCE_EXHAUSTED: over your rate limit; slow down."),
        ("503", "UNAVAILABLE: the organisation's service cannot be reached now; try again."),
        ("504", "DEADLINE_EXCEEDED: the call took longer than its timeout."),
    ];

    private static string Describe(DataAccess access) => access switch
    {
        DataAccess.Reference => "Reference data that names no one.",
        DataAccess.RowRead => "Reads an organisation's row-level data (inside the organisation, or its partnership where shared); audited.",
        DataAccess.RowWrite => "Changes an organisation's data (the organisation itself and its units only); audited.",
        DataAccess.Export => "Exports an organisation's row-level data; audited.",
        DataAccess.Aggregate => "Figures across organisations, with small numbers protected when seen from outside.",
        _ => "Operations: no organisation's data.",
    };
}
