using System.Diagnostics;

namespace Safeguarding.Gateway.Routing;

/// <summary>
/// W3C baggage from outside is free text anyone can send. The gateway drops it, as it drops x-sg-*
/// headers, so it never rides on spans (gateway or services) where an enricher could copy it into
/// attributes or logs. The trace itself (traceparent) continues.
/// </summary>
internal static class OutsideBaggage
{
    public static Task DiscardAsync(HttpContext http, RequestDelegate next)
    {
        http.Request.Headers.Remove("baggage");
        if (Activity.Current is { } activity)
        {
            foreach (var (key, _) in activity.Baggage.ToList())
            {
                activity.SetBaggage(key, null);
            }
        }

        return next(http);
    }
}
