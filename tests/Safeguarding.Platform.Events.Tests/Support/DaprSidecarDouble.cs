using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Events.Tests.Support;

/// <summary>
/// The sidecar side of Dapr's pub/sub contract, recorded from docs.dapr.io/reference/api/pubsub_api
/// (dapr/docs daprdocs/content/en/reference/api/pubsub_api.md): the publish endpoint answers
/// 204 (delivered), 403 (forbidden by access control), 404 (no pubsub name or topic) or 500 (delivery failed)
/// with Dapr's error body; every request is recorded for the test to inspect.
/// </summary>
public sealed class DaprSidecarDouble : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DaprSidecarDouble(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Status the next publishes get (204 unless set).</summary>
    public int PublishStatus { get; set; } = StatusCodes.Status204NoContent;

    public Uri Address => new(_app.Urls.First());

    public static async Task<DaprSidecarDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sidecar = new DaprSidecarDouble(app);
        app.MapPost("/v1.0/publish/{pubsubname}/{topic}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            sidecar.Requests.Enqueue(new RecordedRequest(
                http.Request.Method,
                http.Request.Path.Value ?? "",
                http.Request.ContentType,
                http.Request.Headers["dapr-api-token"].ToString(),
                body));
            return sidecar.PublishStatus switch
            {
                StatusCodes.Status204NoContent => Results.NoContent(),
                StatusCodes.Status403Forbidden => Results.Json(
                    new { errorCode = "ERR_PUBSUB_FORBIDDEN", message = "topic is not allowed for app id" }, statusCode: 403),
                StatusCodes.Status404NotFound => Results.Json(
                    new { errorCode = "ERR_PUBSUB_NOT_FOUND", message = "pubsub not found" }, statusCode: 404),
                _ => Results.Json(
                    new { errorCode = "ERR_PUBSUB_PUBLISH_MESSAGE", message = "error when publish to topic" }, statusCode: 500),
            };
        });
        await app.StartAsync();
        return sidecar;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(string Method, string Path, string? ContentType, string Token, string Body);
