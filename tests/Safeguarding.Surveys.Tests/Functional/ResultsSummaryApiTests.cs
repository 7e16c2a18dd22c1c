using Google.Protobuf.WellKnownTypes;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Surveys.Tests.Functional;

/// <summary>GetResultsSummary: an organisation's closed waves counted by questionnaire meaning, disclosure-controlled outside it.</summary>
public abstract class ResultsSummaryApiTests(ServiceFixture service)
{
    private SurveysService.SurveysServiceClient Client => service.Client;

    private async Task<Wave> WaveWithAnswersAsync(string organisation, string period, params string[] treated)
    {
        var now = service.Clock.GetUtcNow().UtcDateTime;
        var wave = await Client.CreateWaveAsync(new CreateWaveRequest
        {
            OrganisationCode = organisation,
            QuestionnaireId = "parent-closure",
            Kind = WaveKind.Closure,
            Title = "Closure feedback",
            OpensAt = Timestamp.FromDateTime(now.AddHours(-1)),
            ClosesAt = Timestamp.FromDateTime(now.AddDays(30)),
            Anonymity = Anonymity.Anonymous,
            PeriodCode = period,
            MinimumResponses = 5,
        }, Calls.Admin(organisation));
        var codes = (await Client.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = wave.WaveId, Count = treated.Length + 2 }, Calls.Admin(organisation))).Invitations;
        for (var i = 0; i < treated.Length; i++)
        {
            var request = new SubmitResponseRequest { Code = codes[i].Code };
            request.Answers.Add(new Answer { Question = "treated_well", Value = treated[i] });
            request.Answers.Add(new Answer { Question = "respect", Value = "agree" });
            request.Answers.Add(new Answer { Question = "helpful", Value = "agree" });
            request.Answers.Add(new Answer { Question = "several_agencies", Value = "no" });
            request.Answers.Add(new Answer { Question = "better_off", Value = "neither" });
            await Client.SubmitResponseAsync(request, Calls.Admin(organisation));
        }

        return wave;
    }

    [Fact]
    public async Task Closed_waves_of_one_questionnaire_are_summed_and_an_outside_caller_gets_disclosure_controlled_counts()
    {
        const string organisation = "SUMMARY-CSC";
        var spring = await WaveWithAnswersAsync(organisation, "2026-04/P3M", "agree", "agree", "agree", "agree", "disagree", "agree");
        var summer = await WaveWithAnswersAsync(organisation, "2026-07/P3M", "agree", "agree", "strongly_agree", "agree");
        var open = await WaveWithAnswersAsync(organisation, "2026-10/P3M", "disagree", "disagree", "disagree", "disagree", "disagree");
        await Client.CloseWaveAsync(new CloseWaveRequest { WaveId = spring.WaveId }, Calls.Admin(organisation));
        await Client.CloseWaveAsync(new CloseWaveRequest { WaveId = summer.WaveId }, Calls.Admin(organisation));

        // Inside: every count of the two closed waves (the open wave's five "disagree" are not counted).
        var inside = await Client.GetResultsSummaryAsync(new GetSurveyResultsSummaryRequest(), Calls.Member(organisation));
        Assert.False(inside.DisclosureControlled);
        var mine = Assert.Single(inside.Questionnaires);
        Assert.Equal(("built-in:parent-closure:v1", true, 2, 10), (mine.Meaning, mine.BuiltIn, mine.WavesCounted, mine.Responses));
        var treated = mine.Questions.Single(q => q.Question == "treated_well");
        Assert.Equal((10, false), (treated.Answered, treated.MultipleChoice));
        Assert.Equal(8, treated.Choices.Single(c => c.Choice == "agree").Count);
        Assert.Equal(1, treated.Choices.Single(c => c.Choice == "disagree").Count);
        Assert.Equal(1, treated.Choices.Single(c => c.Choice == "strongly_agree").Count);

        // Outside (a region analyst through the gateway's grant; the id carries the region's code, eight digits):
        // the 1s are withheld and so is the 8 that the 10 answered would give them away by.
        var outside = await Client.GetResultsSummaryAsync(new GetSurveyResultsSummaryRequest(), Calls.Member("E12000007", target: organisation, userId: "region-analyst-E12000007"));
        Assert.True(outside.DisclosureControlled);
        var theirs = Assert.Single(outside.Questionnaires);
        Assert.Equal((false, 10), (theirs.ResponsesSuppressed, theirs.Responses));
        var controlled = theirs.Questions.Single(q => q.Question == "treated_well");
        Assert.Equal(10, controlled.Answered);
        Assert.All(new[] { "disagree", "strongly_agree" }, c => Assert.Equal((true, 0), (controlled.Choices.Single(x => x.Choice == c).Suppressed, controlled.Choices.Single(x => x.Choice == c).Count)));
        Assert.True(controlled.Choices.Single(c => c.Choice == "agree").Suppressed);
        Assert.Equal((false, 0), (controlled.Choices.Single(c => c.Choice == "neither").Suppressed, controlled.Choices.Single(c => c.Choice == "neither").Count));
        // "several_agencies": 10 "no" is shown, a zero is shown.
        var several = theirs.Questions.Single(q => q.Question == "several_agencies");
        Assert.Equal((false, 10), (several.Choices.Single(c => c.Choice == "no").Suppressed, several.Choices.Single(c => c.Choice == "no").Count));

        // A period picks its waves: the summer wave alone has 4 answers, below the minimum outside.
        var summerOnly = Assert.Single((await Client.GetResultsSummaryAsync(new GetSurveyResultsSummaryRequest { PeriodCode = "2026-07/P3M" }, Calls.Member("E12000007", target: organisation, userId: "region-analyst-E12000007"))).Questionnaires);
        Assert.Equal((1, true, 0), (summerOnly.WavesCounted, summerOnly.ResponsesSuppressed, summerOnly.Responses));
        Assert.True(summerOnly.Questions.Single(q => q.Question == "treated_well").AnsweredSuppressed);

        // Another organisation's summary counts none of these waves.
        Assert.Empty((await Client.GetResultsSummaryAsync(new GetSurveyResultsSummaryRequest(), Calls.Member(Calls.Southmoor))).Questionnaires);
    }
}

public sealed class SqliteResultsSummaryApiTests(SqliteServiceFixture service) : ResultsSummaryApiTests(service), IClassFixture<SqliteServiceFixture>;
public sealed class PostgresResultsSummaryApiTests(PostgresServiceFixture service) : ResultsSummaryApiTests(service), IClassFixture<PostgresServiceFixture>;
