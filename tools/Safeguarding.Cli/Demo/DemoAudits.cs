using System.Globalization;
using Grpc.Core;
using Safeguarding.Audits.V1;
using Safeguarding.Cli.Connect;

namespace Safeguarding.Cli.Demo;

/// <summary>What the audits part of the demo did; <see cref="Figures"/> are the linked measures' figures per organisation.</summary>
internal sealed record DemoAuditsSummary(string ProgrammeId, int CaseAudits, int Moderated, int FiguresPublished, IReadOnlyList<DemoAuditFigure> Figures);

/// <summary>One linked measure's figure for one auditing organisation, as the programme's results give it.</summary>
internal sealed record DemoAuditFigure(string Organisation, string MeasureId, int Numerator, int Denominator);

/// <summary>
/// The audits part of the demo, through the gateway: Northbridge Children's Social Care leads a multi-agency audit of
/// child protection cases (the built-in tool) in January to March 2026, with health and police taking part. Each
/// agency audits its own part of twelve listed cases (pseudonymous references, answers from a fixed seed), a second
/// auditor in each agency moderates a sample, every audit is made final and the programme closes, which hands the
/// linked measures' numerators and denominators to measures with provenance "audit".
/// </summary>
internal sealed class DemoAudits(GatewayConnection gateway, IDemoProgress progress)
{
    public const string Lead = "NB-CSC";
    public const string StartMonth = "2026-01";
    public const string EndMonth = "2026-03";
    public const int Cases = 12;

    /// <summary>Moderated: every third case of each agency.</summary>
    public const int ModerateEvery = 3;

    public static readonly IReadOnlyList<string> Participants = ["NB-HEALTH", "NB-POLICE"];

    private static readonly string[] Auditor = ["auditor"];

    // A different user of the same organisation (the development user id follows the roles): a moderator is never the auditor.
    private static readonly string[] Moderator = ["analyst", "auditor"];
    private static readonly string[] Analyst = ["analyst"];

    private readonly AuditsService.AuditsServiceClient _audits = new(gateway.Channel);
    private readonly Measures.V1.MeasuresService.MeasuresServiceClient _measures = new(gateway.Channel);

    public async Task<DemoAuditsSummary> RunAsync(CancellationToken ct)
    {
        var random = new Random(20260331);
        var tool = await _audits.AdoptToolAsync(new AdoptToolRequest { OrganisationCode = Lead, LibraryToolId = "multi-agency-cp" }, As(Lead, Auditor, ct));
        foreach (var organisation in Participants.Prepend(Lead))
        {
            await DefineLinkedMeasuresAsync(organisation, tool, ct);
        }

        var programme = await _audits.CreateProgrammeAsync(new CreateProgrammeRequest
        {
            Programme = new AuditProgramme
            {
                OrganisationCode = Lead,
                Title = "Multi-agency audit of child protection cases, January to March 2026",
                Kind = ProgrammeKind.Specific,
                ToolId = tool.ToolId,
                StartMonth = StartMonth,
                EndMonth = EndMonth,
                Deadline = "2026-04-30",
                Theme = "Section 47 decision making and the quality of child protection plans",
                ParticipatingOrganisations = { Participants },
                ModerationSample = 1.0 / ModerateEvery,
            },
        }, As(Lead, Auditor, ct));
        var labels = Enumerable.Range(0, Cases).Select(i => "Case " + (char)('A' + i)).ToList();
        var add = new AddProgrammeCasesRequest { ProgrammeId = programme.ProgrammeId };
        add.Cases.AddRange(labels.Select((label, i) => new CaseToAdd { CaseLabel = label, CaseReference = Reference(Lead, i) }));
        await _audits.AddProgrammeCasesAsync(add, As(Lead, Auditor, ct));
        progress.Advance(0.1);

        var audited = 0;
        var moderated = 0;
        var organisations = Participants.Prepend(Lead).ToList();
        foreach (var organisation in organisations)
        {
            for (var i = 0; i < labels.Count; i++)
            {
                var audit = await _audits.StartCaseAuditAsync(new StartCaseAuditRequest
                {
                    ProgrammeId = programme.ProgrammeId, OrganisationCode = organisation, CaseLabel = labels[i], CaseReference = Reference(organisation, i),
                    Month = StartMonth, AuditorRole = organisation == Lead ? "team manager" : "safeguarding lead",
                }, As(organisation, Auditor, ct));
                var answers = Answers(tool, random);
                await _audits.SaveCaseAuditAsync(new SaveCaseAuditRequest
                {
                    CaseAuditId = audit.CaseAuditId,
                    Answers = { answers },
                    Strengths = "Information was shared promptly at the strategy discussion.",
                    Findings = { Findings(answers) },
                    Actions = { Actions(answers, organisation) },
                }, As(organisation, Auditor, ct));
                await _audits.SubmitCaseAuditAsync(new SubmitCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, As(organisation, Auditor, ct));
                if (i % ModerateEvery == 0)
                {
                    await _audits.ModerateCaseAuditAsync(new ModerateCaseAuditRequest
                    {
                        CaseAuditId = audit.CaseAuditId,
                        Answers = { Moderation(tool, answers, random) },
                        ModerationNote = "Second look at the grades against the practice standards.",
                    }, As(organisation, Moderator, ct));
                    moderated++;
                }

                await _audits.FinaliseCaseAuditAsync(new FinaliseCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, As(organisation, Auditor, ct));
                audited++;
                progress.Advance(0.1 + (0.8 * audited / (organisations.Count * labels.Count)));
            }

            progress.Done($"{organisation} audited its part of {labels.Count} child protection cases ({(labels.Count + ModerateEvery - 1) / ModerateEvery} moderated)");
        }

        var agreement = await _audits.GetModerationAgreementAsync(new GetModerationAgreementRequest { ProgrammeId = programme.ProgrammeId }, As(Lead, Auditor, ct));
        var closed = await _audits.CloseProgrammeAsync(new CloseProgrammeRequest { ProgrammeId = programme.ProgrammeId }, As(Lead, Auditor, ct));
        var figures = new List<DemoAuditFigure>();
        foreach (var organisation in organisations)
        {
            var results = await _audits.GetProgrammeResultsAsync(
                new GetProgrammeResultsRequest { ProgrammeId = programme.ProgrammeId, OrganisationCode = organisation }, As(Lead, Auditor, ct));
            figures.AddRange(results.Criteria.Where(c => c.MeasureId.Length > 0).Select(c => new DemoAuditFigure(organisation, c.MeasureId, c.Numerator, c.Denominator)));
        }

        var pairs = agreement.Criteria.Sum(c => c.Pairs);
        var agreed = agreement.Criteria.Sum(c => c.Agreed);
        progress.Done($"Programme closed: {closed.AuditsCounted} final audits, {moderated} moderated ({agreed} of {pairs} grades agreed), {closed.FiguresPublished} figures handed to measures for {StartMonth}/P3M");
        progress.Done($"{Lead}'s figures from the audit: {string.Join(", ", figures.Where(f => f.Organisation == Lead).Select(f => $"{f.MeasureId} {f.Numerator} of {f.Denominator}"))}");
        progress.Advance(1);
        return new DemoAuditsSummary(programme.ProgrammeId, audited, moderated, closed.FiguresPublished, figures);
    }

    /// <summary>
    /// The organisation's analyst defines the framework library measures the tool's criteria feed (as an agency taking
    /// part would), so the closed programme's figures have somewhere to go in measures.
    /// </summary>
    private async Task DefineLinkedMeasuresAsync(string organisation, AuditTool tool, CancellationToken ct)
    {
        var analyst = As(organisation, Analyst, ct);
        var defined = (await _measures.ListMeasuresAsync(new Measures.V1.ListMeasuresRequest { PageSize = 500 }, analyst)).Measures
            .Select(m => m.LibraryMeasureId).ToHashSet(StringComparer.Ordinal);
        var linked = tool.Sections.SelectMany(s => s.Criteria).Where(c => c.MeasureLink is not null).Select(c => c.MeasureLink.MeasureId).Distinct(StringComparer.Ordinal);
        foreach (var libraryId in linked.Where(id => !defined.Contains(id)))
        {
            try
            {
                await _measures.DefineMeasureAsync(new Measures.V1.DefineMeasureRequest { LibraryMeasureId = libraryId, Frequency = Measures.V1.Frequency.AdHoc }, analyst);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
            {
                // Defined already (by another agency of the partnership).
            }
        }
    }

    /// <summary>An agency's own case reference for the i-th case: fictional, and only its keyed pseudonym is kept.</summary>
    private static string Reference(string organisation, int i) => string.Create(CultureInfo.InvariantCulture, $"{organisation}-CP-{2026_0100 + (i * 7)}");

    private static List<Answer> Answers(AuditTool tool, Random random)
    {
        var answers = new List<Answer>();
        foreach (var criterion in tool.Sections.SelectMany(s => s.Criteria))
        {
            var value = criterion.ResponseType switch
            {
                ResponseType.YesPartlyNo => Pick(random, ("YES", 0.62), ("PARTLY", 0.2), ("NO", 0.13), ("NOT_APPLICABLE", 0.05)),
                ResponseType.Graded => Pick(random, ("OUTSTANDING", 0.1), ("GOOD", 0.45), ("REQUIRES_IMPROVEMENT", 0.32), ("INADEQUATE", 0.13)),
                ResponseType.Number => random.Next(1, 15).ToString(CultureInfo.InvariantCulture),
                _ => null, // Free text is optional: the demo's findings say what there is to say.
            };
            if (value is not null)
            {
                answers.Add(new Answer { CriterionId = criterion.CriterionId, Value = value });
            }
        }

        return answers;
    }

    // The moderator looks again at the graded criteria and the plan's clarity: mostly agreeing, now and then one step apart.
    private static IEnumerable<Answer> Moderation(AuditTool tool, List<Answer> answers, Random random)
    {
        var types = tool.Sections.SelectMany(s => s.Criteria).ToDictionary(c => c.CriterionId, c => c.ResponseType, StringComparer.Ordinal);
        foreach (var answer in answers.Where(a => types[a.CriterionId] == ResponseType.Graded || a.CriterionId == "plan.agencies"))
        {
            var value = answer.Value;
            if (random.NextDouble() < 0.25)
            {
                value = types[answer.CriterionId] == ResponseType.Graded
                    ? Step(["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"], value, random)
                    : Step(["YES", "PARTLY", "NO"], value, random);
            }

            yield return new Answer { CriterionId = answer.CriterionId, Value = value };
        }
    }

    private static IEnumerable<Finding> Findings(List<Answer> answers)
    {
        if (answers.Any(a => a.CriterionId == "plan.men" && a.Value is "NO" or "PARTLY"))
        {
            yield return new Finding { Text = "Fathers and other men in the household were not part of the plan.", ContentAreaId = "cp-cin-planning" };
        }

        if (answers.Any(a => a.CriterionId == "strategy.attended" && a.Value is "NO" or "PARTLY"))
        {
            yield return new Finding { Text = "The agency was not invited to the strategy discussion in time.", ContentAreaId = "partnership-working" };
        }
    }

    private static IEnumerable<AuditAction> Actions(List<Answer> answers, string organisation)
    {
        if (answers.Any(a => a.CriterionId == "plan.agencies" && a.Value == "NO"))
        {
            yield return new AuditAction { Text = "Core group to restate each agency's tasks in the plan.", OwnerOrganisationCode = organisation, DueDate = "2026-06-30" };
        }
    }

    private static string Pick(Random random, params (string Value, double Weight)[] choices)
    {
        var roll = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
        {
            roll -= weight;
            if (roll < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    private static string Step(string[] scale, string value, Random random)
    {
        var i = Array.IndexOf(scale, value);
        if (i < 0)
        {
            return value;
        }

        var j = i == 0 ? 1 : i == scale.Length - 1 ? i - 1 : i + (random.Next(2) == 0 ? -1 : 1);
        return scale[j];
    }

    private CallOptions As(string organisation, IReadOnlyCollection<string> roles, CancellationToken ct) => gateway.As(organisation, roles, ct);
}
