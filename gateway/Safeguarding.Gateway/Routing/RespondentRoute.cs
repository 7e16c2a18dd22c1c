using System.Net;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Registry;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Safeguarding.Gateway.Routing;

/// <summary>
/// The survey respondent's pages (<c>/s/...</c>, issue 14): anonymous, no account, the one-time code in the link is
/// the key. Forwarded as ordinary HTTP (h2c or TLS, like the instance's gRPC) to the surveys instance that serves
/// respondents — the region's (which partnerships without their own inherit), or the registry's only surveys
/// instance — because a code is 80 random bits that says nothing about its organisation: only the instance that
/// issued it can find it. An organisation that runs its own surveys instance publishes its links at its own address
/// (<c>Surveys:PublicBaseUrl</c>). No token is asked for or passed on; the caller's address is rate-limited here with
/// the gateway's per-client limit and passed on in one <c>X-Forwarded-For</c> (whatever the client sent is dropped),
/// which the service trusts only from its configured proxies. Cookies go neither way: the gateway's own session and
/// form cookies share its origin, and the pages set none. The pages' own headers (CSP, no-store, no-referrer) pass
/// through untouched.
/// </summary>
internal static class RespondentRoute
{
    public const string RouteId = "survey-respondent";

    /// <summary>The registry's service name of the surveys instances.</summary>
    public const string Service = "surveys";

    /// <summary>The one header carrying the respondent's address to the surveys service.</summary>
    public const string ClientAddressHeader = "X-Forwarded-For";

    public static bool Serves(HttpContext http) =>
        http.GetReverseProxyFeature()?.Route.Config.RouteId == RouteId;

    /// <summary>The instance that answers respondents, or null when the registry does not say which one.</summary>
    public static ServiceInstance? InstanceFor(RegistrySnapshot registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (registry.Region.Services.GetValueOrDefault(Service) is { } regional)
        {
            return regional;
        }

        var all = registry.All.Select(o => o.Services.GetValueOrDefault(Service)).OfType<ServiceInstance>().DistinctBy(i => i.Name).Take(2).ToList();
        return all.Count == 1 ? all[0] : null;
    }

    public static async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        var services = http.RequestServices;
        var address = http.Connection.RemoteIpAddress;
        if (!await services.GetRequiredService<CallerRateLimiter>().TryAcquireAsync("address:" + address, http.RequestAborted))
        {
            GatewayTelemetry.Refused.Add(1, new KeyValuePair<string, object?>("reason", "rate limit"));
            http.Response.Headers.RetryAfter = "1";
            await PlainPageAsync(http, StatusCodes.Status429TooManyRequests, "Too many requests", "Wait a moment, then try again.");
            return;
        }

        if (InstanceFor(services.GetRequiredService<OrganisationRegistry>().Current) is not { } instance
            || !services.GetRequiredService<IProxyStateLookup>().TryGetCluster(RegistryProxyConfig.ClusterIdOf(instance), out var cluster))
        {
            await PlainPageAsync(http, StatusCodes.Status404NotFound, "Survey not found",
                "Check the link on your invitation: surveys of this organisation are answered at the address printed there.");
            return;
        }

        http.ReassignProxyRequest(cluster);
        await next();
        if (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested && http.Features.Get<IForwarderErrorFeature>() is { } failure)
        {
            ForwardingLog.UpstreamFailed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Safeguarding.Gateway.Routing"),
                "/s/", global::Grpc.Core.StatusCode.Unavailable, failure.Error.ToString());
            http.Response.Headers.Clear();
            await PlainPageAsync(http, StatusCodes.Status503ServiceUnavailable, "Sorry, the survey is not available right now", "Try again later. Your answers so far are saved.");
        }
    }

    /// <summary>What changes on the way: no cookies, credentials, identity or forwarding headers from outside; one client address added.</summary>
    public static void Apply(TransformBuilderContext context)
    {
        context.UseDefaultForwarders = false;
        context.CopyRequestHeaders = true;
        // The pages compare a form's Origin with the host it was posted to (their check against cross-site posts).
        context.AddOriginalHost(useOriginal: true);
        context.AddRequestTransform(transform =>
        {
            var headers = transform.ProxyRequest.Headers;
            foreach (var name in headers.Select(h => h.Key).Where(IsDropped).ToList())
            {
                headers.Remove(name);
            }

            if (transform.HttpContext.Connection.RemoteIpAddress is { } client)
            {
                headers.TryAddWithoutValidation(ClientAddressHeader, (client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client).ToString());
            }

            return ValueTask.CompletedTask;
        });
        context.AddResponseTransform(transform =>
        {
            transform.HttpContext.Response.Headers.Remove("Set-Cookie");
            return ValueTask.CompletedTask;
        });
    }

    private static bool IsDropped(string name) =>
        name.StartsWith(IdentityHeaders.Prefix, StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("x-forwarded-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("forwarded", StringComparison.OrdinalIgnoreCase)
        || name.Equals("x-real-ip", StringComparison.OrdinalIgnoreCase)
        || name.Equals("baggage", StringComparison.OrdinalIgnoreCase)
        || name.Equals("cookie", StringComparison.OrdinalIgnoreCase)
        || name.Equals("authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("proxy-authorization", StringComparison.OrdinalIgnoreCase);

    private static Task PlainPageAsync(HttpContext http, int status, string heading, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Content-Type-Options"] = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
        var page = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(heading)}</title></head>
            <body><main id="main-content"><h1>{WebUtility.HtmlEncode(heading)}</h1><p>{WebUtility.HtmlEncode(text)}</p></main></body></html>
            """;
        return http.Response.WriteAsync(page, http.RequestAborted);
    }
}
