using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Json;

/// <summary>
/// <c>POST /api/{package.Service}/{Method}</c>: proto3 JSON in, proto3 JSON out, made as a gRPC call
/// to the gateway itself with the caller's bearer header and target organisation. Only the
/// Authorization header counts: cookies are never read here, so another site cannot make a signed-in
/// browser call the API (no CSRF path to data).
/// </summary>
internal static class JsonFacadeEndpoint
{
    public const string Prefix = "/api";

    public static IEndpointConventionBuilder MapJsonApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map(Prefix + "/{service}/{method}", (RequestDelegate)HandleAsync).WithDisplayName("JSON facade");

    private static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var codec = services.GetRequiredService<JsonCodec>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Safeguarding.Gateway.Json");
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = HttpMethods.Post;
            await JsonResponses.WriteErrorAsync(http, codec, StatusCode.Unimplemented, "Call RPCs with POST.", httpStatus: StatusCodes.Status405MethodNotAllowed);
            return;
        }

        var routeValues = http.Request.RouteValues;
        var rpc = services.GetRequiredService<JsonRpcCatalogue>().Find((string)routeValues["service"]!, (string)routeValues["method"]!);
        if (rpc is null)
        {
            await JsonResponses.WriteErrorAsync(http, codec, StatusCode.NotFound, "No such RPC: use /api/{package.Service}/{Method} as named in the protos.");
            return;
        }

        var (requests, deadline, rejection) = await ReadAsync(http, codec, rpc);
        if (rejection is not null)
        {
            JsonFacadeLog.Rejected(logger, rpc.Path, rejection.HttpStatus);
            await JsonResponses.WriteErrorAsync(http, codec, rejection.Code, rejection.Message, rejection.Details, rejection.HttpStatus);
            return;
        }

        var request = http.Request;
        var options = GatewayLoopback.Options(request.Headers.Authorization.ToString(), request.Headers[Auth.IdentityHeaders.TargetOrganisation].ToString().Trim(), deadline, http.RequestAborted);
        IReadOnlyList<Google.Protobuf.IMessage> responses;
        try
        {
            var channel = services.GetRequiredService<GatewayLoopback>().Channel;
            responses = await rpc.CallAsync(channel, requests!, options);
        }
        catch (RpcException ex)
        {
            JsonFacadeLog.Answered(logger, rpc.Path, ex.StatusCode);
            await JsonResponses.WriteErrorAsync(http, codec, ex);
            return;
        }

        JsonFacadeLog.Answered(logger, rpc.Path, StatusCode.OK);
        if (rpc.Descriptor.IsServerStreaming)
        {
            await JsonResponses.WriteArrayAsync(http, codec, responses);
        }
        else
        {
            await JsonResponses.WriteMessageAsync(http, codec, responses[0]);
        }
    }

    /// <summary>Everything checked before a call is made: the RPC's shape, the headers, the body.</summary>
    private static async Task<(IReadOnlyList<Google.Protobuf.IMessage>? Requests, DateTime? Deadline, JsonRejection? Rejection)> ReadAsync(HttpContext http, JsonCodec codec, JsonRpc rpc)
    {
        if (rpc.IsBidirectional)
        {
            return (null, null, JsonRejection.Status(StatusCode.InvalidArgument, $"{rpc.Descriptor.Name} streams both ways and is not available over JSON; call it over gRPC.", StatusCodes.Status400BadRequest));
        }

        var headers = http.Request.Headers;
        if (!GatewayLoopback.IsSendable(headers.Authorization.ToString()))
        {
            return (null, null, JsonRejection.Status(StatusCode.Unauthenticated, "A valid bearer token is required.", StatusCodes.Status401Unauthorized));
        }

        if (!GatewayLoopback.IsSendable(headers[Auth.IdentityHeaders.TargetOrganisation].ToString()))
        {
            return (null, null, JsonRejection.BadField(Auth.IdentityHeaders.TargetOrganisation, "Not an organisation code."));
        }

        var (deadline, badDeadline) = RequestDeadline.Read(headers);
        if (badDeadline is not null)
        {
            return (null, null, badDeadline);
        }

        var (body, badBody) = await JsonRequestBody.ReadAsync(http.Request);
        if (badBody is not null)
        {
            return (null, null, badBody);
        }

        var (requests, badJson) = JsonRequestParser.Parse(codec, rpc.Descriptor, body!);
        return (requests, deadline, badJson);
    }
}
