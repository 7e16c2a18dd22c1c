using System.Globalization;
using Safeguarding.Cli.Connect;
using Safeguarding.Measures.V1;

namespace Safeguarding.Cli.Demo;

/// <summary>
/// Northbridge's agencies return the London common dataset for October to December 2025 (issue 17), each step by the
/// role that takes it, through the gateway: the agencies' analysts submit (children's social care first checks its
/// return, finds November's surge in referrals flagged by the dataset's outlier rule and explains it), the
/// partnership's analyst approves the four returns in one call, and the London region's analyst accepts them. Then
/// January to March 2026, the quarter the reports cover, is returned, approved and accepted the same way.
/// <para>
/// Both quarters are ones the seeded figures cover and no later step writes into (the audits, which record January to
/// March 2026, run before; the surveys record the current quarter and year), so nothing later bumps into their locks. Timeliness is judged by the
/// platform's clock against the due date (28 days after the quarter): the demo prints what the platform says.
/// </para>
/// </summary>
internal sealed class DemoReturns(GatewayConnection gateway, IDemoProgress progress)
{
    public const string Dataset = "london-common";
    public const string OutlierRule = "referrals-outlier";
    public static readonly Period Quarter = new() { Code = "2025-10/P3M" };

    /// <summary>The quarter the demo's reports cover: returned after the audits recorded into it, so its figures reach them.</summary>
    public static readonly Period ReportQuarter = new() { Code = "2026-01/P3M" };

    private static readonly string[] Analyst = ["analyst"];
    private static readonly string[] RegionAnalyst = ["region-analyst"];
    private readonly ReturnsService.ReturnsServiceClient _returns = new(gateway.Channel);

    public async Task<DemoReturnsSummary> RunAsync(CancellationToken ct)
    {
        var agencies = DemoPartnership.Agencies.Select(a => a.Code).ToList();
        var partnership = gateway.As(DemoPartnership.PartnershipCode, Analyst, ct);
        var before = await _returns.ListReturnsAsync(new ListReturnsRequest { DatasetId = Dataset, Period = Quarter, OrganisationCodes = { agencies } }, partnership);
        var missing = before.Returns.Count(r => r.Timeliness == ReturnTimeliness.Missing);

        // The agency with the flagged figure goes last: it checks its return and explains the flag before submitting.
        var explaining = DemoPartnership.Surge.Agency;
        foreach (var agency in agencies.Where(a => a != explaining))
        {
            await SubmitAsync(agency, Quarter, ct);
        }

        progress.Advance(0.3);
        var explained = await ExplainFlagsAsync(explaining, ct);
        await SubmitAsync(explaining, Quarter, ct);
        progress.Advance(0.6);

        var submitted = await _returns.ListReturnsAsync(new ListReturnsRequest { DatasetId = Dataset, Period = Quarter, OrganisationCodes = { agencies } }, partnership);
        var approved = await _returns.ApproveReturnsAsync(new ApproveReturnsRequest { DatasetId = Dataset, Period = Quarter, OrganisationCodes = { agencies } }, partnership);
        var accepted = await _returns.AcceptReturnsAsync(
            new AcceptReturnsRequest { DatasetId = Dataset, Period = Quarter, OrganisationCodes = { agencies } },
            gateway.As(DemoPartnership.RegionCode, RegionAnalyst, ct));
        progress.Advance(1);

        // Returns are in force from the first quarter anyone returned: the reports' own quarter is returned too, or the
        // partnership's and the region's reports would rightly leave its agencies' figures out.
        foreach (var agency in agencies)
        {
            await SubmitAsync(agency, ReportQuarter, ct);
        }

        await _returns.ApproveReturnsAsync(new ApproveReturnsRequest { DatasetId = Dataset, Period = ReportQuarter, OrganisationCodes = { agencies } }, partnership);
        var reportQuarter = await _returns.AcceptReturnsAsync(
            new AcceptReturnsRequest { DatasetId = Dataset, Period = ReportQuarter, OrganisationCodes = { agencies } },
            gateway.As(DemoPartnership.RegionCode, RegionAnalyst, ct));

        var onTime = submitted.Returns.Count(r => r.Timeliness == ReturnTimeliness.OnTime);
        var late = submitted.Returns.Count(r => r.Timeliness == ReturnTimeliness.Late);
        var label = submitted.Returns.FirstOrDefault()?.Period.Label is { Length: > 0 } named ? named : Quarter.Code;
        var dueOn = submitted.Returns.FirstOrDefault()?.DueOn ?? string.Empty;
        var summary = new DemoReturnsSummary(agencies.Count, missing, onTime, late, explained, approved.Returns.Count, accepted.Returns.Count(r => r.State == ReturnState.Accepted));
        progress.Done(string.Create(CultureInfo.InvariantCulture,
            $"London common dataset, {label} (due {dueOn}): {summary.Submitted} returns ({missing} missing beforehand) submitted, {onTime} on time and {late} late; {explained} validation flag explained; {summary.Approved} approved by the partnership, {summary.Accepted} accepted by the region; "
            + $"then {reportQuarter.Returns.Count(r => r.State == ReturnState.Accepted)} returns for {ReportQuarter.Code} likewise"));
        return summary;
    }

    private Task<Return> SubmitAsync(string agency, Period quarter, CancellationToken ct) =>
        _returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = agency, DatasetId = Dataset, Period = quarter }, gateway.As(agency, Analyst, ct)).ResponseAsync;

    /// <summary>The agency's analyst checks the return against the dataset's rules and explains each open flag.</summary>
    private async Task<int> ExplainFlagsAsync(string agency, CancellationToken ct)
    {
        var options = gateway.As(agency, Analyst, ct);
        var found = await _returns.ValidateReturnAsync(new ValidateReturnRequest { OrganisationCode = agency, DatasetId = Dataset, Period = Quarter }, options);
        var explained = 0;
        foreach (var violation in found.Violations.Where(v => v.Status == ViolationStatus.Open))
        {
            await _returns.ResolveViolationAsync(new ResolveViolationRequest
            {
                OrganisationCode = agency,
                DatasetId = Dataset,
                Period = Quarter,
                ViolationId = violation.Id,
                Resolution = ViolationStatus.Explained,
                Reason = violation.RuleId == OutlierRule
                    ? "Referrals rose after the schools' safeguarding awareness week; checked against the front door's contact log"
                    : "Checked with the team that recorded it: the figure stands",
            }, options);
            explained++;
        }

        return explained;
    }
}

/// <summary>What the returns step did: returns asked for, missing before, submitted on time and late, flags explained, approved and accepted.</summary>
internal sealed record DemoReturnsSummary(int Submitted, int MissingBefore, int OnTime, int Late, int Explained, int Approved, int Accepted);
