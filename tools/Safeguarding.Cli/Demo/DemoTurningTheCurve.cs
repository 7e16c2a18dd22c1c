using Grpc.Core;
using Safeguarding.Cli.Connect;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Cli.Demo;

/// <summary>
/// Northbridge's partnership runs its Turning the Curve exercise on re-referrals within 12 months (issue 16 item 3),
/// through the gateway as the partnership's analyst: the story behind the baseline, the partners with a role to play
/// and what works, completing the QA timetable's overdue exercise (DemoQaPlan), with two actions in the register.
/// Northbridge records no re-referral figures of its own (the demo imports London's published ones, which the
/// London Board ranks), so its sheet says so rather than drawing figures the demo would have to invent.
/// </summary>
internal sealed class DemoTurningTheCurve(GatewayConnection gateway, IDemoProgress progress)
{
    private const string Partnership = DemoPartnership.PartnershipCode;
    private const string HeldOn = "2026-02-12";
    private static readonly string[] Analyst = ["analyst"];

    private readonly TurningTheCurveService.TurningTheCurveServiceClient _curves = new(gateway.Channel);
    private readonly QaPlanningService.QaPlanningServiceClient _qa = new(gateway.Channel);

    public async Task<TurningTheCurve> RunAsync(CancellationToken ct)
    {
        var planned = (await _qa.ListQaActivitiesAsync(new ListQaActivitiesRequest { OrganisationCode = Partnership }, As(ct))).Activities
            .FirstOrDefault(a => a.Kind == QaActivityKind.TurningTheCurve && a.DoneOn.Length == 0);
        var record = await CreateAsync(new TurningTheCurve
        {
            OrganisationCode = Partnership,
            MeasureId = DemoLondonView.MeasureId,
            HeldOn = HeldOn,
            Title = "Re-referrals within 12 months",
            QaActivityId = planned?.Id ?? "",
            Story = "About one referral in four comes back within a year. Families tell us help stopped when the case closed, "
                + "before the changes they had made were secure, and that they were not told who to turn to next.",
            Forces =
            {
                new StoryForce { Direction = ForceDirection.Hindering, Text = "Cases close at the end of an assessment without a step-down plan to early help." },
                new StoryForce { Direction = ForceDirection.Hindering, Text = "Schools and health visitors are not told when a case closes, so they re-refer the same worries." },
                new StoryForce { Direction = ForceDirection.Helping, Text = "The multi-agency safeguarding hub now sees every referral with police, health and education at the table." },
            },
            Partners =
            {
                new CurvePartner { OrganisationCode = "NB-CSC", Contribution = "Agree a step-down plan with every family before a case closes." },
                new CurvePartner { OrganisationCode = "NB-EDU", Contribution = "Designated safeguarding leads join the closing meeting for school-age children." },
                new CurvePartner { OrganisationCode = "NB-HEALTH", Contribution = "Health visitors and school nurses are told when a case closes and what the plan is." },
                new CurvePartner { Role = "Early help practitioners", Contribution = "Pick up families the week a case steps down." },
            },
            WhatWorks =
            {
                new CurveIdea { Kind = IdeaKind.EvidenceBased, Text = "Planned step-down to early help with a named lead practitioner.", Evidence = "Early Intervention Foundation guidebook" },
                new CurveIdea { Kind = IdeaKind.LowCost, Text = "A closing letter to the family and referrer saying who to contact if worries return." },
                new CurveIdea { Kind = IdeaKind.LowCost, Text = "Review every re-referral at the front door's weekly meeting for what could have been done differently." },
            },
        }, ct);

        await _curves.AddTurningTheCurveActionAsync(new AddTurningTheCurveActionRequest
        {
            RecordId = record.Id,
            Action = new RegisterAction
            {
                Description = "Agree a step-down plan with early help before any child in need case closes.",
                AgreedOn = HeldOn, DueOn = "2026-09-30", Status = RegisterActionStatus.InProgress, ContentAreaId = "front-door-services",
            },
        }, As(ct));
        record = await _curves.AddTurningTheCurveActionAsync(new AddTurningTheCurveActionRequest
        {
            RecordId = record.Id,
            Action = new RegisterAction
            {
                Description = "Review every re-referral at the front door's weekly multi-agency meeting.",
                AgreedOn = HeldOn, DueOn = "2026-03-31", Status = RegisterActionStatus.Completed, CompletedOn = "2026-03-20",
                EvidenceOfCompletion = "Re-referrals are a standing item of the weekly meeting since March 2026.",
                ContentAreaId = "front-door-services",
            },
        }, As(ct));
        progress.Done($"Turning the Curve on re-referrals held on 12 February 2026 with {record.Actions.Count} actions in its plan"
            + (planned is null ? "." : ", completing the QA timetable's overdue exercise."));
        progress.Advance(1);
        return record;
    }

    /// <summary>Reporting learns of the imported measure through events: one it has not heard of yet is tried again shortly.</summary>
    private async Task<TurningTheCurve> CreateAsync(TurningTheCurve record, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _curves.CreateTurningTheCurveAsync(new CreateTurningTheCurveRequest { Record = record }, As(ct));
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            }
        }
    }

    private CallOptions As(CancellationToken ct) => gateway.As(Partnership, Analyst, ct);
}
