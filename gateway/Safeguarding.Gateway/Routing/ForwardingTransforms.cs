using Safeguarding.Gateway.Auth;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Safeguarding.Gateway.Routing;

/// <summary>
/// What changes on the way to an instance: no X-Forwarded-* or Forwarded headers (in or added: services trust none),
/// no baggage from outside (see <see cref="OutsideBaggage"/>), the identity headers the gateway vouches for in place
/// of whatever the client sent, and grpc-timeout reduced to what is left of the caller's deadline. Trace context is
/// YARP's to propagate (its own propagator replaces the caller's traceparent with the gateway's span).
/// </summary>
internal static class ForwardingTransforms
{
    private const string GrpcTimeoutHeader = "grpc-timeout";

    public static void Apply(TransformBuilderContext context)
    {
        if (context.Route.RouteId == RespondentRoute.RouteId)
        {
            RespondentRoute.Apply(context);
            return;
        }

        context.UseDefaultForwarders = false;
        context.CopyRequestHeaders = true;
        context.AddRequestTransform(transform =>
        {
            var headers = transform.ProxyRequest.Headers;
            foreach (var name in headers.Select(h => h.Key).Where(IsDropped).ToList())
            {
                headers.Remove(name);
            }

            if (transform.HttpContext.Features.Get<ForwardedCall>() is not { } call)
            {
                return ValueTask.CompletedTask; // ForwardingStep always sets it; without it nothing is added.
            }

            if (call.Deadline is { } deadline)
            {
                // Formatted at send time, so the time spent in the gateway is already taken off.
                headers.TryAddWithoutValidation(GrpcTimeoutHeader, GrpcTimeout.Format(deadline - DateTime.UtcNow));
            }

            foreach (var (name, value) in call.Headers)
            {
                headers.Remove(name);
                headers.TryAddWithoutValidation(name, value);
            }

            return ValueTask.CompletedTask;
        });
    }

    private static bool IsDropped(string name) =>
        name.StartsWith(IdentityHeaders.Prefix, StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("x-forwarded-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("forwarded", StringComparison.OrdinalIgnoreCase)
        || name.Equals("baggage", StringComparison.OrdinalIgnoreCase)
        || name.Equals(GrpcTimeoutHeader, StringComparison.OrdinalIgnoreCase);
}
