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
        var results = new Dictionary<string, OrganisationResult>(StringComparer.Ordinal);
        var targets = new List<string>();
        foreach (var member in members)
        {
            if (member.Services.ContainsKey(Service))
            {
                targets.Add(member.Code);
            }
            else
            {
                results[member.Code] = new(member.Code, OutcomeStatus.NoInstance, "no audits instance");
            }
        }

        var outcomes = await fanOut.RunAsync(targets, (code, budget) => FetchAsync(registry.InstanceFor(code, Service)!.Address, call, code, months, budget), deadline, cancellationToken);
        var answered = new List<(Organisation Organisation, ResultsSummary Summary)>();
        foreach (var outcome in outcomes)
        {
            results[outcome.Target] = new(outcome.Target, outcome.Status, outcome.Detail);
            if (outcome is { Status: OutcomeStatus.Ok, Value: { } value })
            {
                answered.Add((registry.Get(outcome.Target), value));
            }
        }

        var incomplete = outcomes.Any(o => o.Status != OutcomeStatus.Ok);
        var viewer = call.Caller!.OrganisationCode;
        var tools = answered
            .SelectMany(a => a.Summary.Tools.Select(t => (a.Organisation, a.Summary, Tool: t)))
            .GroupBy(x => x.Tool.MeaningHash, StringComparer.Ordinal)
            .Select(g => Tool(area, registry, viewer, incomplete, [.. g]))
            .OrderByDescending(t => t.Included.Count)
            .ThenBy(t => t.Title, StringComparer.Ordinal)
            .ThenBy(t => t.MeaningHash, StringComparer.Ordinal)
            .ToList();
        return new AuditAreaAnswer([.. members.Select(m => results[m.Code])], tools);
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
                ? Part.WithheldAtSource(0)
                : new Part(g.Sum(p => (long)p.Tool.AuditsCounted), Unknown: false))]],
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

    /// <summary>
    /// One organisation's counts of a criterion by answer. A count withheld at source is unknown; together they hold
    /// what the organisation's answered total leaves (the instance kept that sum from being small), carried on the
    /// first of them, so the area's answered relation sees the true sum of what is hidden (0 where even the answered
    /// total was withheld: the safe side). No unknown value is ever published: only its relation's sum is used.
    /// </summary>
    private static List<Part> Parts(List<string> codes, List<CriterionResult?> versions)
    {
        var parts = new List<Part>(codes.Count);
        var hidden = versions.All(v => v is { AnsweredSuppressed: false })
            ? versions.Sum(v => (long)v!.Answered) - versions.Sum(v => v!.Counts.Where(c => !c.Suppressed).Sum(c => (long)c.Count))
            : 0;
        foreach (var code in codes)
        {
            var counts = versions.Select(v => v?.Counts.FirstOrDefault(c => c.Value == code)).ToList();
            if (counts.Any(c => c is null || c.Suppressed))
            {
                parts.Add(Part.WithheldAtSource(Math.Max(0, hidden)));
                hidden = 0;
            }
            else
            {
                parts.Add(new Part(counts.Sum(c => (long)c!.Count), Unknown: false));
            }
        }

        return parts;
    }

    /// <summary>
    /// Cells: one total per answer, then its parts (organisation by organisation), then the answered total (known to
    /// the viewer) when there is more than one answer. A part withheld at source makes its total unknown: withheld.
    /// </summary>
    private static List<AuditTotal> ProtectCriterion(Organisation area, List<List<Part>> answers, List<bool> known, List<int> thresholds)
    {
        var cells = new List<TableCell>();
        var relations = new List<Relation>();
        var totals = new List<int>();
        var unknown = new List<bool>();
        foreach (var parts in answers)
        {
            var total = cells.Count;
            var withheldAtSource = parts.Any(p => p.Unknown);
            totals.Add(total);
            unknown.Add(withheldAtSource);
            cells.Add(new TableCell("total", parts.Sum(p => p.Value), area.DisclosureThreshold, withheldAtSource ? CellStatus.Withheld : CellStatus.Free));
            var indices = new List<int>();
            for (var o = 0; o < parts.Count; o++)
            {
                indices.Add(cells.Count);
                cells.Add(new TableCell("part", parts[o].Value, thresholds[o], parts[o].Unknown ? CellStatus.Withheld : known[o] ? CellStatus.Known : CellStatus.Free));
            }

            relations.Add(new Relation(total, indices));
        }

        if (answers.Count > 1)
        {
            var answered = cells.Count;
            cells.Add(new TableCell("answered", totals.Sum(t => cells[t].Value), area.DisclosureThreshold, CellStatus.Known));
            relations.Add(new Relation(answered, totals));
        }

        var reasons = DisclosureControl.Protect(new AdditiveTable(cells, relations)).Reasons;
        return [.. totals.Select((t, i) => unknown[i]
            ? new AuditTotal(0, Platform.Disclosure.SuppressionReason.Withheld, Incomplete: false)
            : new AuditTotal(cells[t].Value, reasons[t], Incomplete: false))];
    }

    /// <summary>An organisation's count, or one withheld at source (its value then only a share of a known hidden sum).</summary>
    private readonly record struct Part(long Value, bool Unknown)
    {
        public static Part WithheldAtSource(long share) => new(share, Unknown: true);
    }

    private async Task<ResultsSummary> FetchAsync(Uri instance, GatewayCall call, string organisation, GetResultsSummaryRequest months, CallBudget budget)
    {
        var headers = new Metadata();
        foreach (var (name, value) in IdentityHeaders.For(call, organisation, auth))
        {
            headers.Add(name, value);
        }

        return await channels.For(instance).UnaryCall(GetResultsSummary, months, new CallOptions(headers, budget.Deadline, budget.CancellationToken));
    }
}
