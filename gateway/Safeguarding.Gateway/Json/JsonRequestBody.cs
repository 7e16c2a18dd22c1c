using Microsoft.Net.Http.Headers;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Json;

/// <summary>
/// Reads a facade request's body: JSON in UTF-8 only (415 otherwise), at most 4 MiB (413; the same
/// limit as a gRPC message). An empty body needs no content type and means "an empty message".
/// </summary>
internal static class JsonRequestBody
{
    public const int MaxBytes = 4 * 1024 * 1024;

    public static async Task<(byte[]? Body, JsonRejection? Rejection)> ReadAsync(HttpRequest request)
    {
        var hasType = !string.IsNullOrEmpty(request.ContentType);
        if (hasType && !IsJson(request.ContentType))
        {
            return (null, JsonRejection.Status(StatusCode.InvalidArgument, "Send the request as application/json (UTF-8).", StatusCodes.Status415UnsupportedMediaType));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        if (!hasType && buffer.Length > 0)
        {
            return (null, JsonRejection.Status(StatusCode.InvalidArgument, "Send the request as application/json (UTF-8).", StatusCodes.Status415UnsupportedMediaType));
        }

        return (buffer.ToArray(), null);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static JsonRejection TooLarge() =>
        JsonRejection.Status(StatusCode.ResourceExhausted, "The request body is larger than 4 MiB.", StatusCodes.Status413PayloadTooLarge);
}
