using System.Diagnostics;
using Safeguarding.Gateway.Audit;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Registry;
using Grpc.Core;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Safeguarding.Gateway.Routing;

/// <summary>
/// The first step of YARP's pipeline for every gRPC path the gateway does not answer itself: the call goes to the
/// target organisation's instance of the service the path names — once the policy allows the caller to touch that
/// organisation, and once row-level access is in the audit trail. Then YARP forwards it; what YARP cannot deliver
/// ends as a gRPC status (<see cref="ForwardingOutcome"/>).
/// </summary>
internal static class ForwardingStep
{
    public static async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        if (RespondentRoute.Serves(http))
        {
            await RespondentRoute.InvokeAsync(http, next);
            return;
        }

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
        if (!await TryAuditAsync(http, policy, caller, path, recorded, decision.Allowed))
        {
            return;
        }

        if (!decision.Allowed)
        {
            ForwardingLog.Refused(logger, path, recorded, decision.Reason);
            GatewayTelemetry.Refused.Add(1, new KeyValuePair<string, object?>("reason", "scope"));
            await GrpcStatusResponse.WriteAsync(http, StatusCode.PermissionDenied, decision.Message);
            return;
        }

        if (registry.InstanceFor(target, route.Area) is not { } instance
            || !services.GetRequiredService<IProxyStateLookup>().TryGetCluster(RegistryProxyConfig.ClusterIdOf(instance), out var cluster))
        {
            ForwardingLog.Refused(logger, path, recorded, "no instance");
            await GrpcStatusResponse.WriteAsync(http, StatusCode.Unimplemented, "No instance of this service is configured for the organisation.");
            return;
        }

        if (!call.TryGetDeadline(http.Request, out var deadline))
        {
            await GrpcStatusResponse.WriteAsync(http, StatusCode.InvalidArgument, "grpc-timeout: not a gRPC timeout (up to 8 digits and a unit H, M, S, m, u or n).");
            return;
        }

        TagActivity(route, target);
        http.Features.Set(new ForwardedCall(IdentityHeaders.For(call, target, services.GetRequiredService<AuthOptions>()).ToList(), deadline));
        http.ReassignProxyRequest(cluster);
        await ForwardingOutcome.ForwardWithinDeadlineAsync(http, deadline, next, logger);
    }

    private static async Task<bool> TryAuditAsync(HttpContext http, RpcPolicy policy, Caller caller, string path, string recorded, bool allowed)
    {
        if (!policy.IsRowLevel)
        {
            return true;
        }

        var action = policy.Access switch
        {
            DataAccess.RowWrite => AuditAction.Write,
            DataAccess.Export => AuditAction.Export,
            _ => AuditAction.Read,
        };
        try
        {
            await http.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(
                caller.UserId, caller.OrganisationCode, action, path, recorded, [], allowed ? AuditOutcome.Allowed : AuditOutcome.Denied, http.RequestAborted);
            return true;
        }
        catch (AuditUnavailableException)
        {
            await GrpcStatusResponse.WriteAsync(http, StatusCode.Unavailable, "The call cannot be recorded right now.");
            return false;
        }
    }

    private static void TagActivity(GrpcRoute route, string target)
    {
        if (Activity.Current is { IsAllDataRequested: true } activity)
        {
            activity.DisplayName = $"{route.Service}/{route.Method}";
            activity.SetTag("rpc.system.name", "grpc");
            activity.SetTag("rpc.method", $"{route.Service}/{route.Method}");
            activity.SetTag("safeguarding.organisation", target);
        }
    }
}

/// <summary>What the gateway adds to one forwarded call: the identity headers it vouches for, and the caller's deadline.</summary>
internal sealed record ForwardedCall(IReadOnlyList<KeyValuePair<string, string>> Headers, DateTime? Deadline);
