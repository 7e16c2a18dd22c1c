using System.Globalization;
using Grpc.Core;

namespace Safeguarding.Gateway.Routing;

/// <summary>
/// Ends a call the gateway answers itself: trailers-only (status in the headers) when nothing was
/// sent yet, otherwise as trailers after what the upstream already sent.
/// </summary>
internal static class GrpcStatusResponse
{
    public const string GrpcContentType = "application/grpc";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";

    public static async Task WriteAsync(HttpContext http, StatusCode code, string message)
    {
        var response = http.Response;
        var status = ((int)code).ToString(CultureInfo.InvariantCulture);
        var encoded = PercentEncoding.Encode(message);
        try
        {
            if (!response.HasStarted)
            {
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = GrpcContentType;
                response.Headers[StatusHeader] = status;
                response.Headers[MessageHeader] = encoded;
            }
            else if (response.SupportsTrailers())
            {
                response.AppendTrailer(StatusHeader, status);
                response.AppendTrailer(MessageHeader, encoded);
            }

            await response.CompleteAsync();
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The client has gone; nobody is left to tell.
        }
    }

    public static bool IsGrpcRequest(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith(GrpcContentType, StringComparison.OrdinalIgnoreCase);
}
