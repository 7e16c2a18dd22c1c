using System.Net;

namespace Safeguarding.Platform.Grpc;

/// <summary>The gRPC spec's mapping for HTTP responses that are not gRPC at all (e.g. from a proxy).</summary>
internal static class HttpStatusMapping
{
    public static Status ToGrpc(HttpStatusCode status)
    {
        var code = status switch
        {
            HttpStatusCode.BadRequest => StatusCode.Internal,
            HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
            HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
            HttpStatusCode.NotFound => StatusCode.Unimplemented,
            HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
            _ => StatusCode.Unknown,
        };
        return new Status(code, $"Bad gRPC response. HTTP status code: {(int)status}");
    }
}
