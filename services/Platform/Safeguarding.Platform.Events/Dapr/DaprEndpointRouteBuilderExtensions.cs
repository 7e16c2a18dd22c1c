using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Events.Dapr;

/// <summary>Maps the app side of Dapr pub/sub: programmatic subscriptions and the event delivery routes.</summary>
public static class DaprEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET /dapr/subscribe</c> (one entry per subscribed topic, routed to <c>{RoutePrefix}/{topic}</c>)
    /// and <c>POST {RoutePrefix}/{topic}</c>, which answers <c>{"status":"SUCCESS"|"RETRY"|"DROP"}</c>.
    /// When an app token is configured (<c>APP_API_TOKEN</c>), calls without the matching
    /// <c>dapr-api-token</c> header get 401. Serve these on the service's HTTP/1.1 port.
    /// </summary>
    public static RouteGroupBuilder MapDaprPubSub(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<EventsOptions>().Dapr;
        var group = endpoints.MapGroup("");
        group.AddEndpointFilter(async (context, next) =>
            Authorized(context.HttpContext, options.AppApiToken) ? await next(context) : Unauthorized(context.HttpContext));

        group.MapGet("/dapr/subscribe", (DaprSubscriptionRegistry registry) => Results.Json(
            registry.Topics.Select(topic => new DaprSubscription(options.PubSubName, topic, new DaprRoutes($"{options.RoutePrefix}/{topic}"))),
            DaprJson.Options));

        group.MapPost(options.RoutePrefix + "/{topic}", DeliverAsync);
        return group;
    }

    private static async Task<IResult> DeliverAsync(
        string topic, HttpContext http, DaprSubscriptionRegistry registry, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(DaprEndpointRouteBuilderExtensions));
        if (!registry.TryGet(topic, out var receiver))
        {
            EventsLog.DaprUnknownTopic(logger, topic);
            return Status(DeliveryOutcome.Drop);
        }

        CloudEvent cloudEvent;
        try
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            cloudEvent = ProtoCloudEvents.Decode(body.GetBuffer().AsMemory(0, (int)body.Length));
        }
        catch (CloudEventFormatException ex)
        {
            EventsLog.Unreadable(logger, topic, ex.Message);
            return Status(DeliveryOutcome.Drop);
        }

        try
        {
            return Status(await receiver(cloudEvent, http.RequestAborted));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Status(DeliveryOutcome.Retry);
        }
#pragma warning disable CA1031 // A failing handler means "deliver again", which Dapr reads from RETRY.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            EventsLog.HandlerFailed(logger, ex, topic, cloudEvent.Id, 1);
            return Status(DeliveryOutcome.Retry);
        }
    }

    private static IResult Status(DeliveryOutcome outcome) => Results.Json(
        new DaprStatus(outcome switch
        {
            DeliveryOutcome.Success => "SUCCESS",
            DeliveryOutcome.Drop => "DROP",
            _ => "RETRY",
        }),
        DaprJson.Options);

    private static bool Authorized(HttpContext http, string? expected)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return true;
        }

        var presented = http.Request.Headers[DaprTransport.TokenHeader].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
    }

    private static IResult Unauthorized(HttpContext http)
    {
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DaprEndpointRouteBuilderExtensions));
        EventsLog.DaprUnauthorized(logger, http.Request.Path.Value ?? "");
        return Results.Unauthorized();
    }
}

internal sealed record DaprSubscription(string PubSubName, string Topic, DaprRoutes Routes);

internal sealed record DaprRoutes(string Default);

internal sealed record DaprStatus(string Status);

internal static class DaprJson
{
    // Dapr's field names are all lower case ("pubsubname", "topic", "routes", "default", "status").
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = LowerCase.Instance };

    private sealed class LowerCase : JsonNamingPolicy
    {
        public static readonly LowerCase Instance = new();

        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
