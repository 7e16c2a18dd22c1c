using Grpc.Core;
using Safeguarding.Cli.Connect;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Cli.Demo;

/// <summary>What the actions part of the demo did.</summary>
internal sealed record DemoActionsSummary(int Actions, int ProposalsAccepted);

/// <summary>
/// The actions register and the quarterly findings, through the gateway as each organisation's own analyst: the case
/// review's actions are already in the register (projected from the case reviews service's events); children's social
/// care records an action from the case audit programme's finding, and education one completed a year ago with
/// evidence of impact on the measure it was meant to move (which moved). Then the partnership's analyst asks for the
/// quarter's findings proposed from the evidence and accepts them, so the report prints them. (An agency's action is
/// held for its partnership because the story step provisioned where each organisation sits.)
/// </summary>
internal sealed class DemoActions(GatewayConnection gateway, IDemoProgress progress)
{
    private static readonly string[] Analyst = ["analyst"];
    private const string Partnership = DemoPartnership.PartnershipCode;
    public const string Quarter = "2026-01/P3M";

    private readonly ActionsRegisterService.ActionsRegisterServiceClient _register = new(gateway.Channel);

    /// <param name="auditProgramme">The case audit programme whose finding the children's social care action answers.</param>
    public async Task<DemoActionsSummary> RunAsync(string auditProgramme, CancellationToken ct)
    {
        await _register.CreateActionAsync(new CreateActionRequest
        {
            Action = new RegisterAction
            {
                OrganisationCode = "NB-CSC", PartnershipCode = Partnership, Source = RegisterActionSource.AuditFinding, SourceReference = auditProgramme,
                Description = "Agree the outcomes that matter most with each family at the first review of every child protection plan.",
                AgreedOn = "2025-10-01", DueOn = "2026-09-30", Status = RegisterActionStatus.InProgress,
                MeasureId = "cp-cin-planning-measure-14", ContentAreaId = "cp-cin-planning",
            },
        }, As("NB-CSC", ct));
        await _register.CreateActionAsync(new CreateActionRequest
        {
            Action = new RegisterAction
            {
                OrganisationCode = "NB-EDU", PartnershipCode = Partnership, Source = RegisterActionSource.Other,
                Description = "Bring every school's safer recruitment checks onto one tracked register, renewed before they lapse.",
                AgreedOn = "2023-10-01", DueOn = "2025-03-31", Status = RegisterActionStatus.Completed, CompletedOn = "2025-03-28",
                EvidenceOfCompletion = "The register went live in March 2025; the safeguarding lead reviews it each term.",
                EvidenceOfImpact = "Lapsed checks found at termly reviews fell from a dozen a term to one or two.",
                MeasureId = "workforce-measure-21", ContentAreaId = "workforce",
            },
        }, As("NB-EDU", ct));
        progress.Done("2 actions recorded beside the case review's, one completed with evidence of impact");
        progress.Advance(0.5);

        var proposals = await _register.ProposeFindingsAsync(new ProposeFindingsRequest { OrganisationCode = Partnership, PeriodCode = Quarter }, As(Partnership, ct));
        foreach (var proposal in proposals.Proposals)
        {
            await _register.AcceptProposalAsync(new DecideProposalRequest { Id = proposal.Id, Etag = proposal.Etag }, As(Partnership, ct));
        }

        progress.Done($"{proposals.Proposals.Count} findings proposed from the evidence for the quarter, accepted by the partnership's analyst");
        progress.Advance(1);
        return new DemoActionsSummary(2, proposals.Proposals.Count);
    }

    private CallOptions As(string organisation, CancellationToken ct) => gateway.As(organisation, Analyst, ct);
}
