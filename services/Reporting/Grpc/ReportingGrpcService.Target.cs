using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Grpc;

/// <summary>
/// The target-organisation rule (docs/gateway.md, "Calling through the gateway"): one reporting instance may
/// serve a partnership and its agencies, and the gateway checks only <c>x-sg-target-organisation</c>, never the
/// body. With that header, every organisation code a request names must be the target (PERMISSION_DENIED), and a
/// report or narrative entry of another organisation addressed by id is answered as missing (NOT_FOUND, worded
/// as for an id that does not exist). Without it the target is the caller's own organisation (from the token the
/// service validated), so the same rules hold for a call that did not come through the gateway.
/// </summary>
internal sealed partial class ReportingGrpcService
{
    /// <summary>The report, if the call may see it: NOT_FOUND for another organisation's.</summary>
    private async Task<ReportRow> VisibleReportAsync(string reportId, ServerCallContext context)
    {
        var report = await reports.GetAsync(reportId, context.CancellationToken);
        TargetOrganisation.From(context).RequireOwner("report", reportId, report.OrganisationCode);
        return report;
    }

    /// <summary>Before a report is moved along the sign-off path: NOT_FOUND for another organisation's.</summary>
    private async Task RequireVisibleReportAsync(string reportId, ServerCallContext context)
    {
        await VisibleReportAsync(reportId, context);
    }

    /// <summary>The narrative entry, if the call may see it: NOT_FOUND for another organisation's.</summary>
    private async Task<NarrativeEntry> VisibleEntryAsync(string id, ServerCallContext context, string field = "id")
    {
        var entry = await narrative.GetAsync(id, context.CancellationToken, field);
        TargetOrganisation.From(context).RequireOwner("narrative entry", id, entry.OrganisationCode);
        return entry;
    }

    /// <summary>
    /// A profile names other organisations: its parent (whose figures its reports show as the partnership or
    /// region comparator, and which rolls its figures up) and its comparators (whose figures are shown beside
    /// its own). Set by an organisation's own users they would let it pull another's figures into its reports, so
    /// they may only stay as the stored profile has them (set by the platform's operators, whose token carries the
    /// operator role); a new profile may name none, and dropping them is always allowed. The organisation itself
    /// must be the target. (Reporting keeps codes as given, so "as stored" compares them exactly.)
    /// </summary>
    private async Task RequireProfileForTargetAsync(ReportingProfile? profile, ServerCallContext context)
    {
        if (profile is null)
        {
            return;
        }

        var target = TargetOrganisation.From(context);
        target.Require("profile.organisation_code", profile.OrganisationCode);
        if (context.GetCaller().Roles.Contains(Actor.Operator))
        {
            return;
        }

        if (profile.ParentCode.Length == 0 && profile.ComparatorCodes.Count == 0)
        {
            return;
        }

        var stored = (await profiles.FindAllAsync([profile.OrganisationCode], context.CancellationToken)).GetValueOrDefault(profile.OrganisationCode);
        if (profile.ParentCode.Length > 0 && !string.Equals(profile.ParentCode, stored?.ParentCode, StringComparison.Ordinal) && !target.Is(profile.ParentCode))
        {
            throw TargetOrganisation.NotTarget("profile.parent_code");
        }

        var kept = stored?.ComparatorCodes.ToHashSet(StringComparer.Ordinal) ?? [];
        for (var i = 0; i < profile.ComparatorCodes.Count; i++)
        {
            if (!kept.Contains(profile.ComparatorCodes[i]) && !target.Is(profile.ComparatorCodes[i]))
            {
                throw TargetOrganisation.NotTarget($"profile.comparator_codes[{i}]");
            }
        }
    }
}
