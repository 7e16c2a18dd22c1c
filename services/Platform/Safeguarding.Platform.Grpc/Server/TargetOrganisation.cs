using Google.Rpc;
using Grpc.Core;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// The organisation a call is for. Without <see cref="Header"/> it is the caller's own (from the validated
/// token). With it, the header is believed only when it names the caller's own organisation or a gateway
/// <see cref="TargetGrant"/> for this caller and token allows it — the gateway checked it against its policy.
/// A service whose instance serves several organisations holds every request to it:
/// <list type="bullet">
/// <item>every organisation code a request names must be the target (ignoring case), else
/// PERMISSION_DENIED (<see cref="Require(string, string?)"/>); the message names the field, never a code;</item>
/// <item>a resource addressed by id that belongs to another organisation is answered exactly as if it did not
/// exist (NOT_FOUND), so a caller cannot learn that it does (<see cref="RequireOwner"/>).</item>
/// </list>
/// </summary>
public sealed class TargetOrganisation
{
    /// <summary>The metadata key the gateway sets.</summary>
    public const string Header = "x-sg-target-organisation";

    /// <summary>google.rpc.ErrorInfo reason of the PERMISSION_DENIED this class raises.</summary>
    public const string NotTargetReason = "ORGANISATION_NOT_TARGET";

    /// <summary>google.rpc.ErrorInfo reason when the header names an organisation the caller's token does not allow.</summary>
    public const string NotAllowedReason = "TARGET_NOT_ALLOWED";

    private TargetOrganisation(string code, bool isCallersOwn, bool isUnrestricted = false)
    {
        Code = code;
        IsCallersOwn = isCallersOwn;
        IsUnrestricted = isUnrestricted;
    }

    /// <summary>The target organisation's code.</summary>
    public string Code { get; }

    /// <summary>Whether the target is the caller's own organisation (no grant was needed).</summary>
    public bool IsCallersOwn { get; }

    /// <summary>A platform job's call (<see cref="ServiceAuthOptions.JobRole"/>): it may name any organisation.</summary>
    public bool IsUnrestricted { get; }

    /// <summary>The call's target, as the platform's interceptor settled it from the verified caller.</summary>
    public static TargetOrganisation From(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetTarget();
    }

    /// <summary>A target for code that runs outside a call (tests, jobs acting for one organisation).</summary>
    public static TargetOrganisation For(string code) => new(code, isCallersOwn: true);

    internal static async Task<TargetOrganisation> ResolveAsync(ServerCallContext context, Caller caller, string bearerToken, ServiceAuthOptions options)
    {
        var requested = context.RequestHeaders.GetValue(Header)?.Trim();
        if (options.JobRole is { Length: > 0 } job && caller.Roles.Contains(job))
        {
            return new TargetOrganisation(string.IsNullOrEmpty(requested) ? caller.OrganisationCode : requested, isCallersOwn: true, isUnrestricted: true);
        }

        if (string.IsNullOrEmpty(requested) || string.Equals(requested, caller.OrganisationCode, StringComparison.OrdinalIgnoreCase))
        {
            return new TargetOrganisation(caller.OrganisationCode, isCallersOwn: true);
        }

        var key = options.EffectiveGrantKey;
        var granted = key is null ? null
            : await TargetGrant.VerifyAsync(context.RequestHeaders.GetValue(TargetGrant.Header), key, bearerToken, caller.Subject, options.ClockSkew);
        if (granted is null || !string.Equals(granted, requested, StringComparison.OrdinalIgnoreCase))
        {
            throw RpcErrors.WithDetails(
                StatusCode.PermissionDenied,
                $"{Header}: names an organisation this caller's token does not allow; call through the gateway, which checks who may act for whom.",
                new ErrorInfo { Reason = NotAllowedReason, Domain = "safeguarding", Metadata = { ["field"] = Header } });
        }

        return new TargetOrganisation(requested, isCallersOwn: false);
    }

    /// <summary>True when <paramref name="code"/> is the target (ignoring case and surrounding spaces).</summary>
    public bool Is(string? code) => code is not null && (IsUnrestricted || string.Equals(code.Trim(), Code, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// PERMISSION_DENIED unless <paramref name="code"/> is the target. A blank code names no organisation and
    /// passes (a required one is refused by the request's own validation).
    /// </summary>
    public void Require(string field, string? code)
    {
        if (!string.IsNullOrWhiteSpace(code) && !Is(code))
        {
            throw NotTarget(field);
        }
    }

    /// <summary>PERMISSION_DENIED unless every code is the target; the field path carries the index at fault.</summary>
    public void RequireAll(string field, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var i = 0;
        foreach (var code in codes)
        {
            Require($"{field}[{i++}]", code);
        }
    }

    /// <summary>
    /// NOT_FOUND, worded exactly as <see cref="RpcErrors.NotFound"/> words a missing <paramref name="resourceType"/>,
    /// unless the resource's <paramref name="owner"/> is the target.
    /// </summary>
    public void RequireOwner(string resourceType, string resourceName, string? owner)
    {
        if (!Is(owner))
        {
            throw RpcErrors.NotFound(resourceType, resourceName);
        }
    }

    /// <summary>
    /// The PERMISSION_DENIED for a request field naming another organisation. It names the field only: the
    /// other organisation's code and anything about it stay out of the message and details.
    /// </summary>
    public static RpcException NotTarget(string field) =>
        RpcErrors.WithDetails(
            StatusCode.PermissionDenied,
            $"{field}: names an organisation other than the one this call is for ({Header}).",
            new ErrorInfo { Reason = NotTargetReason, Domain = "safeguarding", Metadata = { ["field"] = field } });
}
