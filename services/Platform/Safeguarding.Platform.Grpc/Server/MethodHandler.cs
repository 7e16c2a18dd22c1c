using System.Diagnostics;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// Serves one RPC: checks the request is gRPC, sets up the call, runs the handler and ends the
/// call with the right status. Subclasses add the shape (unary, streaming...).
/// </summary>
internal abstract class MethodHandler(MethodDescriptor method, GrpcServerOptions options, ILogger logger)
{
    public MethodDescriptor Method { get; } = method;

    public string Path { get; } = $"/{method.Service.FullName}/{method.Name}";

    protected abstract bool StreamsRequest { get; }

    public async Task HandleAsync(HttpContext http)
    {
        if (!GrpcHeaders.IsGrpcContentType(http.Request.ContentType))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (!HttpProtocol.IsHttp2(http.Request.Protocol) && !HttpProtocol.IsHttp3(http.Request.Protocol))
        {
            // gRPC needs trailers, which HTTP/1.1 responses here cannot carry.
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            http.Response.Headers.Upgrade = "h2c";
            return;
        }

        // Timed only when someone listens to the duration histogram (a clock read per call otherwise).
        var started = GrpcTelemetry.ServerDuration.Enabled ? Stopwatch.GetTimestamp() : 0;
        var service = Method.Service.FullName;
        GrpcTelemetry.TagRpc(Activity.Current, service, Method.Name);

        var encoding = http.Request.Headers[GrpcHeaders.Encoding].ToString();
        var timeoutHeader = http.Request.Headers[GrpcHeaders.Timeout].ToString();
        TimeSpan? timeout = null;
        Status? rejection = null;
        if (timeoutHeader.Length > 0)
        {
            if (GrpcTimeout.TryParse(timeoutHeader, out var parsed))
            {
                timeout = parsed;
            }
            else
            {
                rejection = new Status(StatusCode.Internal, "The grpc-timeout header is malformed.");
            }
        }

        if (!GrpcCompression.IsSupported(encoding.Length == 0 ? null : encoding))
        {
            rejection = new Status(StatusCode.Unimplemented, $"Message encoding '{encoding}' is not supported; use one of {GrpcCompression.AcceptEncoding}.");
        }

        using var call = new ServerCall(http, options, Path, encoding.Length == 0 ? null : encoding, timeout, Method.IsServerStreaming);
        var status = Status.Ok;
        if (rejection is { } rejected)
        {
            GrpcServerLog.CallRejected(logger, Path, rejected.Detail);
            http.Response.Headers[GrpcHeaders.AcceptEncoding] = GrpcCompression.AcceptEncoding;
            status = rejected;
            await call.CompleteAsync(rejected);
        }
        else
        {
            status = await RunAsync(call);
        }

        GrpcServerLog.CallEnded(logger, Path, status.Code);
        if (started != 0 && GrpcTelemetry.ServerDuration.Enabled)
        {
            GrpcTelemetry.ServerDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, GrpcTelemetry.Tags(service, Method.Name, status.Code));
        }
    }

    // ValueTask: a unary call usually completes synchronously, and a Task<Status> would be allocated per call.
    private async ValueTask<Status> RunAsync(ServerCall call)
    {
        if (StreamsRequest)
        {
            call.AllowLongRequestBody();
        }

        try
        {
            await InvokeAsync(call);
            await call.CompleteAsync(Status.Ok);
            return Status.Ok;
        }
        catch (Exception ex)
        {
            var (status, trailers, details) = call.Describe(ex);
            if (status.Code == StatusCode.Internal && ex is not RpcException)
            {
                GrpcServerLog.HandlerFailed(logger, Path, ex.GetType().FullName ?? ex.GetType().Name);
            }

            await call.CompleteAsync(status, trailers, details);
            return status;
        }
    }

    /// <summary>Reads the request(s), calls the implementation and writes the response(s).</summary>
    protected abstract Task InvokeAsync(ServerCall call);
}
