using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Surveys.Application;

/// <summary>
/// Who is acting, from the caller this service verified (<see cref="CallerContext"/>): the user id as it may be
/// stored, the organisation the call is for, and whether the caller is inside the organisation it reads.
/// </summary>
public sealed record Actor(string UserId, string CallerOrganisation, TargetOrganisation Target, IReadOnlySet<string> Roles)
{
    public const string SurveyAdmin = "survey-admin";

    public static Actor From(ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (!caller.Recordable)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, Caller.NotRecordableMessage));
        }

        return new Actor(caller.UserId, caller.OrganisationCode, TargetOrganisation.From(context), caller.Roles);
    }

    /// <summary>For code acting outside a gRPC call (the respondent's pages, jobs).</summary>
    public static Actor System(string organisation) => new("surveys", organisation, TargetOrganisation.For(organisation), new HashSet<string>());

    /// <summary>PERMISSION_DENIED unless the caller administers surveys (or is a platform job).</summary>
    public Actor RequireAdmin()
    {
        if (!Roles.Contains(SurveyAdmin) && !Target.IsUnrestricted)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"This needs the role {SurveyAdmin}."));
        }

        return this;
    }

    /// <summary>Whether the caller belongs to <paramref name="organisation"/> (row-level detail) or reads from outside (aggregates, suppressed).</summary>
    public bool IsInside(string organisation) => string.Equals(CallerOrganisation, organisation, StringComparison.OrdinalIgnoreCase);
}
