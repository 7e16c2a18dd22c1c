using System.Diagnostics;
using Safeguarding.Gateway.Audit;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Registry;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Routing;

/// <summary>
/// Every gRPC path the gateway does not answer itself goes to the target organisation's instance of
/// the service the path names — once the policy allows the caller to touch that organisation, and
/// once row-level access is in the audit trail.
/// </summary>
internal static class ForwardingEndpoint
{
    public static IEndpointConventionBuilder MapGrpcForwarding(this IEndpointRouteBuilder endpoints) =>
        // Literal paths (the gateway's own services, health, reflection) win over this pattern.
        endpoints.MapPost("/{service}/{method}", (RequestDelegate)HandleAsync).WithDisplayName("gRPC forwarding");

    private static async Task HandleAsync(HttpContext http)
    {
        if (!HttpProtocol.IsHttp2(http.Request.Protocol))
        {
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            http.Response.Headers.Upgrade = "h2c";
            return;
        }

        if (!GrpcStatusResponse.IsGrpcRequest(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        var services = http.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Safeguarding.Gateway.Routing");
        var path = http.Request.Path.Value ?? string.Empty;
        // The access middleware sets this for every gRPC call it lets through.
        if (http.Features.Get<GatewayCall>() is not { Caller: { } caller } call)
        {
            await GrpcStatusResponse.WriteAsync(http, StatusCode.PermissionDenied, "This call is not permitted.");
            return;
        }

        var policy = call.Policy;
        if (policy.Access is DataAccess.Aggregate or DataAccess.Operations or DataAccess.AnonymousHealth || !GrpcRoute.TryParse(path, out var route))
        {
            await GrpcStatusResponse.WriteAsync(http, StatusCode.Unimplemented, "This RPC is not routed by the gateway.");
            return;
        }

        var registry = services.GetRequiredService<OrganisationRegistry>().Current;
        // Codes compare ignoring case; services get the registry's spelling.
        var target = registry.Find(call.Target)?.Code ?? call.Target!;
        var decision = AccessControl.Decide(policy, caller, target, registry);
        // The requested target is client input: only a registered code goes into logs and the audit trail.
        var recorded = registry.Find(target) is null ? "(unknown)" : target;
        try
        {
            if (policy.IsRowLevel)
            {
                var action = policy.Access switch
                {
                    DataAccess.RowWrite => AuditAction.Write,
                    DataAccess.Export => AuditAction.Export,
                    _ => AuditAction.Read,
                };
                await services.GetRequiredService<AuditTrail>().RecordAsync(
                    caller.UserId, caller.OrganisationCode, action, path, recorded, [], decision.Allowed ? AuditOutcome.Allowed : AuditOutcome.Denied, http.RequestAborted);
            }
        }
        catch (AuditUnavailableException)
        {
            await GrpcStatusResponse.WriteAsync(http, StatusCode.Unavailable, "The call cannot be recorded right now.");
            return;
        }

        if (!decision.Allowed)
        {
            ForwardingLog.Refused(logger, path, recorded, decision.Reason);
            GatewayTelemetry.Refused.Add(1, new KeyValuePair<string, object?>("reason", "scope"));
            await GrpcStatusResponse.WriteAsync(http, StatusCode.PermissionDenied, "This call is not permitted.");
            return;
        }

        if (registry.InstanceFor(target, route.Area) is not { } instance)
        {
            ForwardingLog.Refused(logger, path, target, "no instance");
            await GrpcStatusResponse.WriteAsync(http, StatusCode.Unimplemented, "No instance of this service is configured for the organisation.");
            return;
        }

        if (!call.TryGetDeadline(http.Request, out var deadline))
        {
            await GrpcStatusResponse.WriteAsync(http, StatusCode.InvalidArgument, "grpc-timeout: not a gRPC timeout (up to 8 digits and a unit H, M, S, m, u or n).");
            return;
        }

        TagActivity(route, target);
        await services.GetRequiredService<IGrpcForwarder>().ForwardAsync(http, instance.Address, IdentityHeaders.For(call, target, services.GetRequiredService<AuthOptions>()), deadline);
    }

    private static void TagActivity(GrpcRoute route, string target)
    {
        if (Activity.Current is { IsAllDataRequested: true } activity)
        {
            activity.DisplayName = $"{route.Service}/{route.Method}";
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", route.Service);
            activity.SetTag("rpc.method", route.Method);
            activity.SetTag("safeguarding.organisation", target);
        }
    }
}
