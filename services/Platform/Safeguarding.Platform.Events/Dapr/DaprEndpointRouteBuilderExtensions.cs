using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Events.Inbox;

namespace Safeguarding.Platform.Events.Dapr;

/// <summary>Maps the app side of Dapr pub/sub: programmatic subscriptions and the event delivery routes.</summary>
public static class DaprEndpointRouteBuilderExtensions
{
    private const string TokenHeader = "dapr-api-token";

    /// <summary>
    /// With the Dapr transport, maps <c>POST {RoutePrefix}/{topic}</c> for every subscription added with
    /// <c>AddSubscription</c>, each marked with Dapr.AspNetCore's <c>WithTopic</c>, and Dapr.AspNetCore's
    /// <c>GET /dapr/subscribe</c>, which lists them for the sidecar. A delivery answers
    /// <c>{"status":"SUCCESS"|"RETRY"|"DROP"}</c>; the whole CloudEvent reaches the inbox (id and trace context
    /// included), so <c>UseCloudEvents</c> must not run on these routes. The sidecar carries no caller's token:
    /// when an app token is configured (<c>APP_API_TOKEN</c>) calls without the matching <c>dapr-api-token</c>
    /// get 401, and the routes are exempt from the app's user authorization. Serve them on the HTTP/1.1 port.
    /// With another transport nothing is mapped.
    /// </summary>
    public static RouteGroupBuilder MapDaprPubSub(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var events = endpoints.ServiceProvider.GetRequiredService<EventsOptions>();
        var options = events.Dapr;
        var group = endpoints.MapGroup("");
        if (events.Transport != EventTransportKind.Dapr)
        {
            return group;
        }

        group.AllowAnonymous();
        group.AddEndpointFilter(async (context, next) =>
            Authorized(context.HttpContext, options.AppApiToken) ? await next(context) : Unauthorized(context.HttpContext));
        group.MapSubscribeHandler();
        var topics = endpoints.ServiceProvider.GetServices<EventSubscription>().Select(s => s.Topic).Distinct(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            group.MapPost($"{options.RoutePrefix}/{topic}", (HttpContext http, DaprSubscriptionRegistry registry, ILoggerFactory loggers) =>
                    DeliverAsync(topic, http, registry, loggers.CreateLogger(typeof(DaprEndpointRouteBuilderExtensions))))
                .WithTopic(options.PubSubName, topic);
        }

        return group;
    }

    private static async Task<IResult> DeliverAsync(string topic, HttpContext http, DaprSubscriptionRegistry registry, ILogger logger)
    {
        if (!registry.TryGet(topic, out var receiver))
        {
            // Mapped but not started yet (the database is still migrating): Dapr delivers again later.
            EventsLog.DaprSubscriptionNotReady(logger, topic);
            return Status(DeliveryOutcome.Retry);
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
            EventsLog.HandlerFailed(logger, ex, topic, cloudEvent.Id ?? "", 1);
            return Status(DeliveryOutcome.Retry);
        }
    }

    // Dapr's delivery answer (pubsub_api: "Expected HTTP Response").
    private static IResult Status(DeliveryOutcome outcome) => Results.Json(new DaprStatus(outcome switch
    {
        DeliveryOutcome.Success => "SUCCESS",
        DeliveryOutcome.Drop => "DROP",
        _ => "RETRY",
    }));

    private static bool Authorized(HttpContext http, string? expected)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return true;
        }

        var presented = http.Request.Headers[TokenHeader].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
    }

    private static IResult Unauthorized(HttpContext http)
    {
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DaprEndpointRouteBuilderExtensions));
        EventsLog.DaprUnauthorized(logger, http.Request.Path.Value ?? "");
        return Results.Unauthorized();
    }

    private sealed record DaprStatus(string Status);
}
