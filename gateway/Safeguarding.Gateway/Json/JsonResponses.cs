using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Net.Http.Headers;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Json;

/// <summary>
/// Writes the facade's answers: proto3 JSON messages, and errors as google.rpc.Status JSON
/// (<c>{"code", "message", "details"}</c>) with the HTTP status that matches the gRPC code.
/// Neither is cached anywhere on the way: they hold organisations' data.
/// </summary>
internal static class JsonResponses
{
    public const string ContentType = "application/json; charset=utf-8";

    public static Task WriteMessageAsync(HttpContext http, JsonCodec codec, IMessage message) =>
        WriteAsync(http, StatusCodes.Status200OK, codec.Format(message));

    /// <summary>A server stream's messages as one JSON array.</summary>
    public static Task WriteArrayAsync(HttpContext http, JsonCodec codec, IReadOnlyList<IMessage> messages)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < messages.Count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append(codec.Format(messages[i]));
        }

        return WriteAsync(http, StatusCodes.Status200OK, json.Append(']').ToString());
    }

    public static Task WriteErrorAsync(HttpContext http, JsonCodec codec, RpcException error) =>
        WriteErrorAsync(http, codec, error.StatusCode, error.Status.Detail, error.GetRpcStatus()?.Details ?? []);

    public static Task WriteErrorAsync(HttpContext http, JsonCodec codec, StatusCode code, string message, IEnumerable<Any>? details = null, int? httpStatus = null)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        foreach (var detail in details ?? [])
        {
            // A detail of a type no known proto describes cannot be written as JSON: leave it out, keep the rest.
            if (codec.Registry.Find(Any.GetTypeName(detail.TypeUrl)) is not null)
            {
                status.Details.Add(detail);
            }
        }

        if (code == StatusCode.Unauthenticated)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return WriteAsync(http, httpStatus ?? JsonStatusMapping.ToHttp(code), codec.Format(status));
    }

    private static async Task WriteAsync(HttpContext http, int statusCode, string json)
    {
        var response = http.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        try
        {
            await response.WriteAsync(json, Encoding.UTF8, http.RequestAborted);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The client has gone; nobody is left to tell.
        }
    }
}
