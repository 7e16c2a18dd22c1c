using System.Globalization;
using Grpc.Core;
using Safeguarding.Cli.Connect;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Cli.Demo;

/// <summary>What the story part of the demo wrote.</summary>
internal sealed record DemoStorySummary(int Priorities, int Entries, int ActionsFromRecommendations);

/// <summary>
/// The quarter's story as the people who write it would: operators provision where each organisation sits, then
/// each organisation's analyst sets its strategic priorities (themed priority areas and assurance areas, each on a
/// content area, so the quarterly report shows that area's measures), and the partnership's analyst writes what the
/// figures cannot say: the case audit programme's finding (from the programme's own results), the story behind a
/// priority measure, horizon scanning and recommendations, one of which becomes an action in the register.
/// </summary>
internal sealed class DemoStory(GatewayConnection gateway, DemoProfiles profiles, IDemoProgress progress)
{
    private static readonly string[] Analyst = ["analyst"];
    private const string Partnership = DemoPartnership.PartnershipCode;
    private const string Quarter = DemoActions.Quarter;

    private static readonly IReadOnlyDictionary<string, (PriorityKind Kind, string Title, string ContentArea)[]> Priorities =
        new Dictionary<string, (PriorityKind, string, string)[]>
        {
            [Partnership] =
            [
                (PriorityKind.ThemedPriorityArea, "Child protection plans that change children's lives", "cp-cin-planning"),
                (PriorityKind.ThemedPriorityArea, "Children living with domestic abuse", "domestic-violence"),
                (PriorityKind.AssuranceArea, "The front door: the right help at the right time", "front-door-services"),
            ],
            ["NB-CSC"] =
            [
                (PriorityKind.ThemedPriorityArea, "Child protection plans that change children's lives", "cp-cin-planning"),
                (PriorityKind.AssuranceArea, "The front door: the right help at the right time", "front-door-services"),
            ],
            ["NB-HEALTH"] = [(PriorityKind.ThemedPriorityArea, "Parents' mental health and its effect on children", "parental-mental-health")],
            ["NB-POLICE"] = [(PriorityKind.ThemedPriorityArea, "Children living with domestic abuse", "domestic-violence")],
            ["NB-EDU"] =
            [
                (PriorityKind.ThemedPriorityArea, "Schools working with partners", "partnership-working"),
                (PriorityKind.AssuranceArea, "A safe workforce", "workforce"),
            ],
        };

    private readonly ReportingService.ReportingServiceClient _reporting = gateway.Reporting;
    private readonly ActionsRegisterService.ActionsRegisterServiceClient _register = new(gateway.Channel);

    public async Task<DemoStorySummary> RunAsync(DemoAuditsSummary audits, CancellationToken ct)
    {
        await profiles.ProvisionAsync(ct);
        var priorities = 0;
        foreach (var (organisation, wanted) in Priorities)
        {
            priorities += await SetPrioritiesAsync(organisation, wanted, ct);
        }

        progress.Advance(0.3);
        var entries = new List<NarrativeEntry>
        {
            Entry("cp-cin-planning", "", new NarrativeEntry { Finding = new QualitativeFinding { EvidenceTitle = "Multi-agency case audit of child protection plans, January to March 2026", Text = AuditFinding(audits) } }),
            Entry("cp-cin-planning", "cp-cin-planning-measure-14", new NarrativeEntry
            {
                Story = new Story
                {
                    Text = "Fewer plans reached the outcomes that mattered most to the family at closure than we aimed for this quarter.\n\n"
                        + "The case audit programme found plans that listed services rather than saying what should change for the child, "
                        + "and outcomes that were agreed late. The workshop recommended below answers that; children's social care's action on "
                        + "agreeing outcomes at the first review is in progress.",
                },
            }),
            Entry("", "", new NarrativeEntry { HorizonNote = new HorizonNote { Text = "Children's social care moves to a new case management system in the summer: expect a break of up to two months in its monthly figures while records migrate, and check the first figures after it closely." } }),
            Entry("", "", new NarrativeEntry { HorizonNote = new HorizonNote { Text = "Health visiting is recommissioned from October: the new service specification should keep the parental mental health measures so that the trend is not lost." } }),
        };
        foreach (var entry in entries)
        {
            await _reporting.CreateNarrativeEntryAsync(new CreateNarrativeEntryRequest { Entry = entry }, As(Partnership, ct));
        }

        var workshop = await _reporting.CreateNarrativeEntryAsync(new CreateNarrativeEntryRequest
        {
            Entry = Entry("cp-cin-planning", "", new NarrativeEntry
            {
                Recommendation = new Recommendation
                {
                    Text = "Run a multi-agency workshop on writing outcome-focused child protection plans, using the audit programme's examples, before the next programme.",
                    AddressedTo = "Workforce development sub-group",
                },
            }),
        }, As(Partnership, ct));
        await _reporting.CreateNarrativeEntryAsync(new CreateNarrativeEntryRequest
        {
            Entry = Entry("", "", new NarrativeEntry
            {
                Recommendation = new Recommendation
                {
                    Text = "Share the practice review's learning on escalation and challenge with every agency's frontline managers in a seven-minute briefing.",
                    AddressedTo = "Communications sub-group",
                },
            }),
        }, As(Partnership, ct));
        progress.Advance(0.8);

        // The board agreed the workshop at its March meeting: it becomes an action in the register, with the measure it should move.
        await _register.CreateActionFromRecommendationAsync(new CreateActionFromRecommendationRequest
        {
            RecommendationId = workshop.Id,
            Action = new RegisterAction
            {
                PartnershipCode = Partnership,
                Description = "Hold the multi-agency workshop on outcome-focused child protection plans for every agency's child protection practitioners.",
                AgreedOn = "2026-03-25", DueOn = "2026-12-31", Status = RegisterActionStatus.InProgress,
                MeasureId = "cp-cin-planning-measure-14", ContentAreaId = "cp-cin-planning",
            },
        }, As(Partnership, ct));

        var written = entries.Count + 2;
        progress.Done($"{priorities} strategic priorities set by 5 organisations; the partnership wrote {written} entries of its story (audit finding, "
            + "the story behind a measure, horizon scanning, recommendations) and turned a recommendation into an action");
        progress.Advance(1);
        return new DemoStorySummary(priorities, written, 1);
    }

    private async Task<int> SetPrioritiesAsync(string organisation, (PriorityKind Kind, string Title, string ContentArea)[] wanted, CancellationToken ct)
    {
        var profile = await _reporting.GetReportingProfileAsync(new GetReportingProfileRequest { OrganisationCode = organisation }, As(organisation, ct));
        profile.StrategicPriorities.Clear();
        profile.StrategicPriorities.Add(wanted.Select(p => new StrategicPriority { Kind = p.Kind, Title = p.Title, ContentAreaId = p.ContentArea }));
        await _reporting.SetReportingProfileAsync(new SetReportingProfileRequest { Profile = profile }, As(organisation, ct));
        return wanted.Length;
    }

    /// <summary>The audit finding in the programme's own numbers: how often each agency's answers met the standard.</summary>
    internal static string AuditFinding(DemoAuditsSummary audits)
    {
        var byAgency = audits.Figures.GroupBy(f => f.Organisation, StringComparer.Ordinal)
            .Select(g => (Name: DemoPartnership.Agencies.Single(a => a.Code == g.Key).Name, Met: g.Sum(f => f.Numerator), Of: g.Sum(f => f.Denominator)))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => $"{a.Name} {a.Met.ToString(CultureInfo.InvariantCulture)} of {a.Of.ToString(CultureInfo.InvariantCulture)}");
        return $"{audits.CaseAudits.ToString(CultureInfo.InvariantCulture)} audits of the same children's cases by three agencies, "
            + $"{audits.Moderated.ToString(CultureInfo.InvariantCulture)} of them moderated. Answers meeting the standard on the criteria linked to our measures: "
            + string.Join("; ", byAgency) + ". "
            + "Where plans fell short, they listed services rather than saying what should change for the child and by when.";
    }

    private static NarrativeEntry Entry(string contentArea, string measure, NarrativeEntry body)
    {
        body.OrganisationCode = Partnership;
        body.PeriodCode = Quarter;
        body.ContentAreaId = contentArea;
        body.MeasureId = measure;
        return body;
    }

    private CallOptions As(string organisation, CancellationToken ct) => gateway.As(organisation, Analyst, ct);
}
