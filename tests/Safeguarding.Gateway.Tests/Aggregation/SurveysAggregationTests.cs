using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.Gateway.V1;
using Safeguarding.Platform.Grpc;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Gateway.Tests.Aggregation;

/// <summary>
/// Survey results across London through a real gateway to two surveys instances over HTTP/2 (camden's shared one and
/// islington's), as the audit grades test does. London's threshold is 5, islington's 10. Each instance answers as it
/// does outside its organisation: small counts, and what would give them away, withheld.
/// </summary>
public sealed class SurveysAggregationTests : IAsyncLifetime
{
    private const string Staff = "built-in:frontline-staff-annual:v1";

    private static readonly Method<GetSurveyResultsAcrossOrganisationsRequest, GetSurveyResultsAcrossOrganisationsResponse> Across =
        DescriptorMethods.Create<GetSurveyResultsAcrossOrganisationsRequest, GetSurveyResultsAcrossOrganisationsResponse>(SurveysAggregation.Descriptor, "GetSurveyResultsAcrossOrganisations");

    private FakeSurveysInstance _camden = null!;
    private FakeSurveysInstance _islington = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        // "supervised": yes, no, unsure (one per respondent); "helps": several choices may be picked.
        _camden = await FakeSurveysInstance.StartAsync(new Dictionary<string, SurveyResultsSummary>
        {
            ["camden-csc"] = Summary(Questionnaire(Staff, 42, Single([30, 12, 0], [false, false, false]), Multiple(40, [25, 20], [false, false]))),
            ["camden-health"] = Summary(new QuestionnaireResults { Meaning = "camden-health:own-survey:v1", QuestionnaireId = "own-survey", Title = "Our own survey", ResponsesSuppressed = true, WavesCounted = 1 }),
        });
        _islington = await FakeSurveysInstance.StartAsync(new Dictionary<string, SurveyResultsSummary>
        {
            // 3 unsure is withheld, and with it the next smallest (8 no) so 31 answered cannot give it away.
            ["islington-csc"] = Summary(Questionnaire(Staff, 31, Single([20, 8, 3], [false, true, true]), Multiple(30, [7, 28], [false, false]))),
        });
        _gateway = await GatewayHost.StartAsync(TestRegistry.Document(
            new Dictionary<string, Uri> { ["camden-shared"] = _camden.Address, ["islington"] = _islington.Address, ["islington-csc"] = _islington.Address },
            service: "surveys"));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _camden.DisposeAsync();
        await _islington.DisposeAsync();
    }

    [Fact]
    public async Task Counts_are_summed_by_questionnaire_meaning_with_small_and_unknowable_totals_withheld()
    {
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);

        var response = await _gateway.Channel.UnaryCall(Across, new GetSurveyResultsAcrossOrganisationsRequest { PeriodCode = "2026-27" }, GatewayHost.As(analyst, timeout: TimeSpan.FromSeconds(20)));

        // Every partnership and agency with a surveys instance was asked, for itself, as the caller with a grant.
        Assert.Equal(7, response.Outcomes.Count);
        Assert.All(response.Outcomes, o => Assert.Equal(OrganisationStatus.Ok, o.Status));
        Assert.Contains(("camden-csc", "region-1", true, "2026-27"), _camden.Calls);
        Assert.Contains(("islington-csc", "region-1", true, "2026-27"), _islington.Calls);

        // The staff survey first (two organisations), then camden-health's own.
        Assert.Equal([Staff, "camden-health:own-survey:v1"], response.Questionnaires.Select(q => q.Meaning));
        var staff = response.Questionnaires[0];
        Assert.Equal(["camden-csc", "islington-csc"], staff.IncludedOrganisationCodes);
        Assert.Equal(("73", FigureState.Shown), (staff.Responses.Value, staff.ResponsesState));
        var supervised = staff.Questions.Single(q => q.Question == "supervised");
        Assert.False(supervised.MultipleChoice);
        Assert.Equal(("50", FigureState.Shown), Choice(supervised, "yes"));
        // Islington withheld its 8 and 3: a sum with an unknown part is never shown, and never a number.
        Assert.Equal(("", FigureState.Suppressed), Choice(supervised, "no"));
        Assert.Equal(("", FigureState.Suppressed), Choice(supervised, "unsure"));
        Assert.All(supervised.Choices.Where(c => c.State == FigureState.Suppressed), c => Assert.NotEqual(V1.SuppressionReason.Unspecified, c.Count.Suppression));
        // Several choices per respondent: 25 + 7 and 20 + 28, islington's 7 unknown to the region's analyst.
        var helps = staff.Questions.Single(q => q.Question == "helps");
        Assert.True(helps.MultipleChoice);
        Assert.Equal(("32", FigureState.Shown), Choice(helps, "supervision"));
        Assert.Equal(("48", FigureState.Shown), Choice(helps, "training"));

        // A questionnaire whose responses the instance withheld shows no number.
        Assert.Equal(("", FigureState.Suppressed), (response.Questionnaires[1].Responses.Value, response.Questionnaires[1].ResponsesState));
    }

    [Fact]
    public async Task A_partnership_viewer_cannot_take_their_own_counts_away_to_learn_another_organisations()
    {
        var board = TestTokens.For("board-1", "camden", Roles.BoardMember);

        var response = await _gateway.Channel.UnaryCall(Across, new GetSurveyResultsAcrossOrganisationsRequest(), GatewayHost.As(board, timeout: TimeSpan.FromSeconds(20)));

        var staff = response.Questionnaires.Single(q => q.Meaning == Staff);
        // 50 less camden's 30 leaves islington's 20: not below its threshold (10), shown.
        Assert.Equal(("50", FigureState.Shown), Choice(staff.Questions.Single(q => q.Question == "supervised"), "yes"));
        // 32 less camden's 25 would leave islington's 7: withheld so it cannot be worked out.
        var supervision = staff.Questions.Single(q => q.Question == "helps").Choices.Single(c => c.Choice == "supervision");
        Assert.Equal(("", FigureState.Suppressed, V1.SuppressionReason.Complementary), (supervision.Count.Value, supervision.State, supervision.Count.Suppression));
    }

    [Fact]
    public async Task An_organisation_that_does_not_answer_leaves_every_total_incomplete_never_partial()
    {
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);
        await _islington.StopAsync();

        var response = await _gateway.Channel.UnaryCall(Across, new GetSurveyResultsAcrossOrganisationsRequest(), GatewayHost.As(analyst, timeout: TimeSpan.FromSeconds(20)));

        Assert.Equal(OrganisationStatus.Unavailable, response.Outcomes.Single(o => o.OrganisationCode == "islington-csc").Status);
        Assert.All(response.Questionnaires, q => Assert.Equal(FigureState.Incomplete, q.ResponsesState));
        Assert.All(response.Questionnaires.SelectMany(q => q.Questions).SelectMany(q => q.Choices), c => Assert.Equal(("", FigureState.Incomplete), (c.Count.Value, c.State)));
    }

    [Theory]
    [InlineData("camden-csc", "", "area_code")]
    [InlineData("", "2026-27\n", "period_code")]
    public async Task A_bad_area_or_period_is_refused_naming_the_field(string area, string period, string field)
    {
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);

        var refused = await Assert.ThrowsAsync<RpcException>(() => _gateway.Channel.UnaryCall(Across, new GetSurveyResultsAcrossOrganisationsRequest { AreaCode = area, PeriodCode = period + new string('x', field == "period_code" ? 50 : 0) }, GatewayHost.As(analyst)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(field, refused.Status.Detail, StringComparison.Ordinal);
    }

    private static (string Value, FigureState State) Choice(AreaQuestionResult question, string choice)
    {
        var count = question.Choices.Single(c => c.Choice == choice);
        return (count.Count.Value, count.State);
    }

    private static SurveyResultsSummary Summary(QuestionnaireResults questionnaire) => new() { Questionnaires = { questionnaire }, DisclosureControlled = true };

    private static QuestionnaireResults Questionnaire(string meaning, int responses, params QuestionResult[] questions)
    {
        var questionnaire = new QuestionnaireResults { Meaning = meaning, QuestionnaireId = "frontline-staff-annual", QuestionnaireVersion = 1, Title = "Annual staff survey", BuiltIn = true, WavesCounted = 1, Responses = responses };
        questionnaire.Questions.AddRange(questions);
        return questionnaire;
    }

    private static QuestionResult Single(int[] counts, bool[] suppressed) =>
        Question("supervised", ["yes", "no", "unsure"], counts.Sum(), counts, suppressed, multiple: false);

    private static QuestionResult Multiple(int answered, int[] counts, bool[] suppressed) =>
        Question("helps", ["supervision", "training"], answered, counts, suppressed, multiple: true);

    private static QuestionResult Question(string name, string[] choices, int answered, int[] counts, bool[] suppressed, bool multiple)
    {
        var question = new QuestionResult { Question = name, Label = "Question " + name, Answered = answered, MultipleChoice = multiple };
        question.Choices.AddRange(choices.Select((c, i) => new ChoiceCount { Choice = c, Label = c, Count = suppressed[i] ? 0 : counts[i], Suppressed = suppressed[i] }));
        return question;
    }
}

/// <summary>A surveys instance that answers GetResultsSummary with canned summaries per target organisation and notes who asked.</summary>
internal sealed class FakeSurveysInstance : IAsyncDisposable
{
    private readonly FakeInstanceHost _host;
    private readonly State _state;

    private FakeSurveysInstance(FakeInstanceHost host, State state)
    {
        _host = host;
        _state = state;
    }

    public Uri Address => _host.Address;

    /// <summary>(target organisation, user of the forwarded token, whether a target grant came with it, the period asked for).</summary>
    public List<(string Target, string User, bool Granted, string Period)> Calls => _state.Calls;

    public static async Task<FakeSurveysInstance> StartAsync(IReadOnlyDictionary<string, SurveyResultsSummary> summaries)
    {
        var state = new State(summaries);
        return new FakeSurveysInstance(await FakeInstanceHost.StartAsync<Service, State>(state), state);
    }

    public Task StopAsync() => _host.StopAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    internal sealed class State(IReadOnlyDictionary<string, SurveyResultsSummary> summaries)
    {
        public IReadOnlyDictionary<string, SurveyResultsSummary> Summaries { get; } = summaries;

        public List<(string Target, string User, bool Granted, string Period)> Calls { get; } = [];
    }

    internal sealed class Service(State state) : SurveysService.SurveysServiceBase
    {
        public override Task<SurveyResultsSummary> GetResultsSummary(GetSurveyResultsSummaryRequest request, ServerCallContext context)
        {
            var target = context.RequestHeaders.GetValue(IdentityHeaders.TargetOrganisation) ?? "";
            lock (state.Calls)
            {
                state.Calls.Add((target, SubjectOf(context.RequestHeaders.GetValue("authorization")!), context.RequestHeaders.GetValue(TargetGrant.Header) is { Length: > 0 }, request.PeriodCode));
            }

            return Task.FromResult(state.Summaries.TryGetValue(target, out var summary)
                ? summary
                : new SurveyResultsSummary { OrganisationCode = target, DisclosureControlled = true });
        }

        private static string SubjectOf(string authorization)
        {
            var payload = authorization["Bearer ".Length..].Split('.')[1].Replace('-', '+').Replace('_', '/');
            using var claims = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')));
            return claims.RootElement.GetProperty("sub").GetString() ?? "";
        }
    }
}
