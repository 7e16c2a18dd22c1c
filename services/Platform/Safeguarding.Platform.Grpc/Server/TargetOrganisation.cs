using Google.Rpc;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// The organisation a call is for, as the gateway checked it against the caller's rights and sent it in
/// <c>x-sg-target-organisation</c> (the registry's spelling). The gateway cannot read request bodies, so a
/// service whose instance serves several organisations must hold the body to it:
/// <list type="bullet">
/// <item>every organisation code a request names must be the target (ignoring case), else
/// PERMISSION_DENIED (<see cref="Require(string, string?)"/>); the message names the field, never a code;</item>
/// <item>a resource addressed by id that belongs to another organisation is answered exactly as if it did not
/// exist (NOT_FOUND), so a caller cannot learn that it does (<see cref="RequireOwner"/>).</item>
/// </list>
/// A call without the header comes from a trusted caller inside the cluster (an operator's job, the CLI demo,
/// a test) and is not limited: <see cref="From"/> returns null.
/// </summary>
public sealed class TargetOrganisation
{
    /// <summary>The metadata key the gateway sets.</summary>
    public const string Header = "x-sg-target-organisation";

    /// <summary>google.rpc.ErrorInfo reason of the PERMISSION_DENIED this class raises.</summary>
    public const string NotTargetReason = "ORGANISATION_NOT_TARGET";

    private TargetOrganisation(string code) => Code = code;

    /// <summary>The target organisation's code as the gateway sent it.</summary>
    public string Code { get; }

    /// <summary>The call's target, or null when the call carries no (non-blank) <see cref="Header"/>.</summary>
    public static TargetOrganisation? From(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.RequestHeaders.GetValue(Header)?.Trim();
        return string.IsNullOrEmpty(value) ? null : new TargetOrganisation(value);
    }

    /// <summary>True when <paramref name="code"/> is the target (ignoring case and surrounding spaces).</summary>
    public bool Is(string? code) => code is not null && string.Equals(code.Trim(), Code, StringComparison.OrdinalIgnoreCase);

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
