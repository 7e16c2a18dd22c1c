using Grpc.Core;
using Safeguarding.Audits.V1;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Registry;
using Safeguarding.Platform.Disclosure;
using Safeguarding.Platform.Grpc;
using Organisation = Safeguarding.Gateway.Registry.Organisation;
using OrganisationKind = Safeguarding.Gateway.Registry.OrganisationKind;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>An area total: shown, suppressed with a reason, or incomplete (an organisation that runs audits did not answer).</summary>
public sealed record AuditTotal(long Value, Platform.Disclosure.SuppressionReason Reason, bool Incomplete)
{
    public static readonly AuditTotal Missing = new(0, Platform.Disclosure.SuppressionReason.None, Incomplete: true);
}

public sealed record AuditAnswerTotal(string Value, AuditTotal Total);

public sealed record AuditCriterionTotal(string CriterionId, string Text, ResponseType ResponseType, IReadOnlyList<AuditAnswerTotal> Answers);

public sealed record AuditToolTotal(string MeaningHash, string LibraryToolId, string Title, IReadOnlyList<string> Included, AuditTotal Audits, IReadOnlyList<AuditCriterionTotal> Criteria);

public sealed record AuditAreaAnswer(IReadOnlyList<OrganisationResult> Outcomes, IReadOnlyList<AuditToolTotal> Tools);

/// <summary>
/// Case audit grades across an area: every organisation of the area with an audits instance is asked for its own
/// results summary through the fan-out engine (as the caller, with a grant for that organisation; outside it, the
/// instance has already withheld small counts), tools are matched by meaning (an unchanged library tool adopted by
/// many organisations), and only area totals leave, each criterion protected by <see cref="DisclosureControl"/> as
/// one table: each answer's total = Σ organisations' counts, and the criterion's answered total = Σ answers' totals
/// (assumed known to the viewer, who sees how many audits were counted). An organisation's count is an ordinary cell
/// (known where the viewer may see its rows): one at or above its threshold may leave it (the instance shows such
/// counts outside), a small one is hidden and never recoverable from the totals. A total with a part withheld at
/// source cannot be summed: it is withheld (ADR 0025).
/// </summary>
public sealed class AuditAreaQuery(FanOutEngine fanOut, UpstreamChannels channels, AuthOptions auth)
{
    public const string Service = "audits";

    private static readonly Method<GetResultsSummaryRequest, ResultsSummary> GetResultsSummary =
        DescriptorMethods.Create<GetResultsSummaryRequest, ResultsSummary>(AuditsPolicies.Audits, "GetResultsSummary");

    public async Task<AuditAreaAnswer> RunAsync(RegistrySnapshot registry, GatewayCall call, Organisation area, GetResultsSummaryRequest months, DateTime? deadline, CancellationToken cancellationToken)
    {
        var members = registry.Descendants(area.Code, includeSelf: true).Where(o => o.Kind is OrganisationKind.Partnership or OrganisationKind.Agency).ToList();
        var asked = await AreaInstances.AskAsync(fanOut, registry, members, Service, (address, code, budget) => FetchAsync(address, call, code, months, budget), deadline, cancellationToken);
        var incomplete = asked.Incomplete;
        var viewer = call.Caller!.OrganisationCode;
        var tools = asked.Answered
            .SelectMany(a => a.Value.Tools.Select(t => (a.Organisation, Summary: a.Value, Tool: t)))
            .GroupBy(x => x.Tool.MeaningHash, StringComparer.Ordinal)
            .Select(g => Tool(area, registry, viewer, incomplete, [.. g]))
            .OrderByDescending(t => t.Included.Count)
            .ThenBy(t => t.Title, StringComparer.Ordinal)
            .ThenBy(t => t.MeaningHash, StringComparer.Ordinal)
            .ToList();
        return new AuditAreaAnswer(asked.Outcomes, tools);
    }

    private static AuditToolTotal Tool(Organisation area, RegistrySnapshot registry, string viewer, bool incomplete, List<(Organisation Organisation, ResultsSummary Summary, ToolResults Tool)> parts)
    {
        // An organisation may hold two tool versions of one meaning: its parts are summed first.
        var byOrganisation = parts.GroupBy(p => p.Organisation.Code, StringComparer.Ordinal).ToList();
        var first = parts[0].Tool;
        var included = byOrganisation.Select(g => g.Key).ToList();
        var known = byOrganisation.Select(g => AccessControl.CanSeeRows(registry, viewer, g.Key)).ToList();
        var thresholds = byOrganisation.Select(g => g.First().Organisation.DisclosureThreshold).ToList();

        // Audits counted: one relation; a part withheld at source (0 outside the organisation) cannot be summed.
        var audits = incomplete ? AuditTotal.Missing : ProtectCriterion(
            area,
            [[.. byOrganisation.Select(g => g.Any(p => p.Summary.DisclosureControlled && p.Tool.AuditsCounted == 0)
                ? AreaPart.WithheldAtSource(0)
                : new AreaPart(g.Sum(p => (long)p.Tool.AuditsCounted), Unknown: false))]],
            known,
            thresholds)[0];

        var criteria = new List<AuditCriterionTotal>();
        foreach (var criterion in first.Criteria)
        {
            var codes = criterion.Counts.Select(c => c.Value).ToList();
            // Organisation by organisation, its parts for every answer; then turned answer by answer.
            var perOrganisation = byOrganisation.Select(g => Parts(codes, [.. g.Select(p => p.Tool.Criteria.FirstOrDefault(c => c.CriterionId == criterion.CriterionId))])).ToList();
            var cells = codes.Select((_, i) => perOrganisation.Select(o => o[i]).ToList()).ToList();
            var totals = incomplete ? [.. codes.Select(_ => AuditTotal.Missing)] : ProtectCriterion(area, cells, known, thresholds);
            criteria.Add(new AuditCriterionTotal(criterion.CriterionId, criterion.Text, criterion.ResponseType, [.. codes.Select((code, i) => new AuditAnswerTotal(code, totals[i]))]));
        }

        return new AuditToolTotal(first.MeaningHash, first.LibraryToolId, first.Title, included, audits, criteria);
    }

    private static List<AreaPart> Parts(List<string> codes, List<CriterionResult?> versions) =>
        AreaCountTable.Parts(codes, [.. versions.Select(v => v is null ? null : new SourceCounts(v.AnsweredSuppressed, v.Answered, [.. v.Counts.Select(c => (c.Value, c.Suppressed, (long)c.Count))]))]);

    private static List<AuditTotal> ProtectCriterion(Organisation area, List<List<AreaPart>> answers, List<bool> known, List<int> thresholds) =>
        [.. AreaCountTable.Protect(area.DisclosureThreshold, answers, known, thresholds, answeredRelation: true).Select(t => new AuditTotal(t.Value, t.Reason, Incomplete: false))];

    private async Task<ResultsSummary> FetchAsync(Uri instance, GatewayCall call, string organisation, GetResultsSummaryRequest months, CallBudget budget)
    {
        return await channels.For(instance).UnaryCall(GetResultsSummary, months, CallerCallOptions.For(call, organisation, auth, budget));
    }
}
