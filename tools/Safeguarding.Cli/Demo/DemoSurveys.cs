using Google.Protobuf.WellKnownTypes;
using Safeguarding.Cli.Connect;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Cli.Demo;

/// <summary>What the surveys part of the demo did.</summary>
internal sealed record DemoSurveysSummary(int Waves, int Responses, int StoriesPublished);

/// <summary>
/// The surveys part of the demo, through the gateway: Northbridge Children's Social Care runs a closure wave of the
/// built-in parents' questionnaire and the partnership runs the annual frontline staff survey, each with generated
/// answers (a fixed seed, so every run is the same) and then closed, which hands their figures to measures; and a
/// few stories are recorded with consent and approved by a second person.
/// </summary>
internal sealed class DemoSurveys(GatewayConnection gateway, IDemoProgress progress)
{
    private static readonly string[] Admin = ["survey-admin"];
    private static readonly string[] Reviewer = ["analyst", "survey-admin"];
    private static readonly string[] Agreement = ["strongly_disagree", "disagree", "neither", "agree", "strongly_agree"];

    private readonly SurveysService.SurveysServiceClient _surveys = new(gateway.Channel);
    private readonly Measures.V1.MeasuresService.MeasuresServiceClient _measures = new(gateway.Channel);

    public async Task<DemoSurveysSummary> RunAsync(CancellationToken ct)
    {
        var random = new Random(20261207);
        var now = DateTime.UtcNow;
        var quarter = $"{now.Year}-{(now.Month - 1) / 3 * 3 + 1:D2}/P3M";
        var financialYear = $"{(now.Month >= 4 ? now.Year : now.Year - 1)}-04/P12M";

        var closure = await RunWaveAsync("NB-CSC", "parent-closure", WaveKind.Closure, "Parents at closure", quarter, 48, 36, random, ParentAnswers, ct);
        progress.Advance(0.4);
        await RunWaveAsync(DemoPartnership.PartnershipCode, "frontline-staff-annual", WaveKind.AnnualStaff, "Annual staff survey", financialYear, 120, 87, random, StaffAnswers, ct);
        progress.Advance(0.8);

        (string Text, StoryRole Role, string AgeBand, string Area)[] stories =
        [
            ("My social worker always came when she said she would, and she explained what was happening.", StoryRole.Child, "13-15", "cp-cin-planning"),
            ("For the first time someone listened to what we needed instead of telling us what we had done wrong.", StoryRole.ParentCarer, string.Empty, "front-door-services"),
            ("The health visitor and the school talked to each other, so I only had to tell my story once.", StoryRole.ParentCarer, string.Empty, "partnership-working"),
        ];
        foreach (var (text, role, ageBand, area) in stories)
        {
            var story = await _surveys.SubmitStoryAsync(new SubmitStoryRequest
            {
                OrganisationCode = "NB-CSC", WaveId = closure, Text = text, Consent = QuoteConsent.Partnership, Role = role, AgeBand = ageBand, ContentAreaId = area,
            }, gateway.As("NB-CSC", Admin, ct));
            await _surveys.ReviewStoryAsync(new ReviewStoryRequest { StoryId = story.StoryId, Decision = ReviewDecision.Approve }, gateway.As("NB-CSC", Reviewer, ct));
        }

        progress.Done($"2 survey waves closed (36 parents, 87 staff answered) and {stories.Length} stories published");
        progress.Advance(1);
        return new DemoSurveysSummary(2, 36 + 87, stories.Length);
    }

    private async Task<string> RunWaveAsync(
        string organisation, string questionnaire, WaveKind kind, string title, string period, int invited, int answering, Random random,
        Func<Random, SubmitResponseRequest> answers, CancellationToken ct)
    {
        var options = gateway.As(organisation, Admin, ct);
        var now = DateTime.UtcNow;
        var wave = await _surveys.CreateWaveAsync(new CreateWaveRequest
        {
            OrganisationCode = organisation, QuestionnaireId = questionnaire, Kind = kind, Title = title, Anonymity = Anonymity.Anonymous, PeriodCode = period,
            OpensAt = Timestamp.FromDateTime(now.AddDays(-1)), ClosesAt = Timestamp.FromDateTime(now.AddDays(14)),
        }, options);
        var invitations = await _surveys.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = wave.WaveId, Count = invited }, options);
        foreach (var invitation in invitations.Invitations.Take(answering))
        {
            var request = answers(random);
            request.Code = invitation.Code;
            await _surveys.SubmitResponseAsync(request, options);
        }

        await DefineLinkedMeasuresAsync(organisation, questionnaire, ct);
        await _surveys.CloseWaveAsync(new CloseWaveRequest { WaveId = wave.WaveId }, options);
        progress.Done($"{title}: {answering} of {invited} answered ({organisation}, {period})");
        return wave.WaveId;
    }

    /// <summary>
    /// The organisation's analyst defines the framework library measures the questionnaire's questions feed (as a
    /// partnership adopting a questionnaire would), so the closed wave's figures have somewhere to go in measures.
    /// </summary>
    private async Task DefineLinkedMeasuresAsync(string organisation, string questionnaire, CancellationToken ct)
    {
        var form = await _surveys.GetQuestionnaireAsync(new GetQuestionnaireRequest { QuestionnaireId = questionnaire, OrganisationCode = organisation }, gateway.As(organisation, Admin, ct));
        var analyst = gateway.As(organisation, ["analyst"], ct);
        var defined = (await _measures.ListMeasuresAsync(new Measures.V1.ListMeasuresRequest { PageSize = 500 }, analyst)).Measures.Select(m => m.LibraryMeasureId).ToHashSet(StringComparer.Ordinal);
        foreach (var libraryId in form.Sections.SelectMany(s => s.Questions).Select(q => q.MeasureId).Where(id => id.Length > 0 && !defined.Contains(id)).Distinct())
        {
            await _measures.DefineMeasureAsync(new Measures.V1.DefineMeasureRequest { LibraryMeasureId = libraryId, Frequency = Measures.V1.Frequency.AdHoc }, analyst);
            defined.Add(libraryId);
        }
    }

    // Mostly positive, as closure feedback tends to be, with a real minority that is not.
    private static string Likert(Random random, double positive) =>
        random.NextDouble() < positive ? Agreement[3 + random.Next(2)] : Agreement[random.Next(3)];

    private static SubmitResponseRequest ParentAnswers(Random random)
    {
        var request = new SubmitResponseRequest();
        var several = random.NextDouble() < 0.45;
        request.Answers.Add(new Answer { Question = "treated_well", Value = Likert(random, 0.78) });
        request.Answers.Add(new Answer { Question = "respect", Value = Likert(random, 0.82) });
        request.Answers.Add(new Answer { Question = "helpful", Value = Likert(random, 0.66) });
        request.Answers.Add(new Answer { Question = "several_agencies", Value = several ? "yes" : "no" });
        if (several)
        {
            request.Answers.Add(new Answer { Question = "agencies_together", Value = Likert(random, 0.58) });
        }

        request.Answers.Add(new Answer { Question = "better_off", Value = Likert(random, 0.61) });
        return request;
    }

    private static SubmitResponseRequest StaffAnswers(Random random)
    {
        var request = new SubmitResponseRequest();
        var supervised = random.NextDouble() < 0.85;
        foreach (var (question, positive) in new[] { ("morale_good", 0.55), ("feel_valued", 0.6), ("org_safe", 0.74), ("concerns_heard", 0.79) })
        {
            request.Answers.Add(new Answer { Question = question, Value = Likert(random, positive) });
        }

        request.Answers.Add(new Answer { Question = "supervised", Value = supervised ? "yes" : "no" });
        if (supervised)
        {
            request.Answers.Add(new Answer { Question = "supervision_clearer", Value = Likert(random, 0.71) });
        }

        request.Answers.Add(new Answer { Question = "confident_judgement", Value = Likert(random, 0.8) });
        request.Answers.Add(new Answer { Question = "confident_challenge", Value = Likert(random, 0.63) });
        request.Answers.Add(new Answer { Question = "confident_share", Value = Likert(random, 0.84) });
        return request;
    }
}
