using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Evidence.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Surveys.Events;
using Safeguarding.Surveys.Events.V1;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Surveys.Tests.Functional;

public abstract class WaveApiTests(ServiceFixture service)
{
    private SurveysService.SurveysServiceClient Client => service.Client;

    private async Task<Wave> NewWaveAsync(Anonymity anonymity = Anonymity.Anonymous, string questionnaire = "parent-closure", WaveKind kind = WaveKind.Closure, int minimum = 0)
    {
        var now = service.Clock.GetUtcNow().UtcDateTime;
        return await Client.CreateWaveAsync(new CreateWaveRequest
        {
            QuestionnaireId = questionnaire,
            Kind = kind,
            Title = "Closure feedback, spring",
            OpensAt = Timestamp.FromDateTime(now.AddHours(-1)),
            ClosesAt = Timestamp.FromDateTime(now.AddDays(30)),
            Anonymity = anonymity,
            PeriodCode = "2026-10/P3M",
            MinimumResponses = minimum,
        }, Calls.Admin());
    }

    private async Task<List<string>> IssueAsync(Wave wave, int count) =>
        [.. (await Client.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = wave.WaveId, Count = count }, Calls.Admin())).Invitations.Select(i => i.Code)];

    private static SubmitResponseRequest Parent(string code, string treated = "agree", string several = "no", string? together = null)
    {
        var request = new SubmitResponseRequest { Code = code };
        request.Answers.Add(new Answer { Question = "treated_well", Value = treated });
        request.Answers.Add(new Answer { Question = "respect", Value = "strongly_agree" });
        request.Answers.Add(new Answer { Question = "helpful", Value = "disagree" });
        request.Answers.Add(new Answer { Question = "several_agencies", Value = several });
        if (together is not null)
        {
            request.Answers.Add(new Answer { Question = "agencies_together", Value = together });
        }

        request.Answers.Add(new Answer { Question = "better_off", Value = "neither" });
        return request;
    }

    [Fact]
    public async Task An_anonymous_wave_runs_from_invitation_to_figures_for_measures()
    {
        var wave = await NewWaveAsync();
        Assert.Equal((WaveState.Open, 5), (wave.State, wave.MinimumResponses));
        var codes = await IssueAsync(wave, 8);
        Assert.Equal(8, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", c));

        for (var i = 0; i < 6; i++)
        {
            var answer = await Client.SubmitResponseAsync(Parent(codes[i], treated: i < 4 ? "agree" : "disagree", several: i < 2 ? "yes" : "no", together: i < 2 ? "agree" : null), Calls.Admin());
            Assert.Equal(string.Empty, answer.ResponseId); // nothing handed back that ties the code to the response
        }

        // Codes are typed from paper in any case and with spaces.
        await Client.SubmitResponseAsync(Parent(codes[6].ToLowerInvariant().Replace('-', ' ')), Calls.Admin());

        var results = await Client.GetWaveResultsAsync(new GetWaveResultsRequest { WaveId = wave.WaveId }, Calls.Member(Calls.Northbridge));
        Assert.False(results.DisclosureControlled);
        Assert.Equal((7, 8), (results.ResponseRate.Numerator, results.ResponseRate.Denominator));
        var treated = results.Questions.Single(q => q.Question == "treated_well");
        Assert.Equal(("front-door-services-measure-4", 5, 7), (treated.MeasureId, treated.Positive.Numerator, treated.Positive.Denominator));
        Assert.InRange(treated.Positive.Lower, 0.35, 0.36); // Wilson 5/7: 0.3589 to 0.9178
        Assert.InRange(treated.Positive.Upper, 0.91, 0.92);

        var closed = await Client.CloseWaveAsync(new CloseWaveRequest { WaveId = wave.WaveId }, Calls.Admin());
        Assert.Equal((WaveState.Closed, 7, 8), (closed.State, closed.Responses, closed.InvitationsIssued));

        var waveClosed = ProtoCloudEvents.ReadData<SurveyWaveClosed>(ProtoCloudEvents.Decode(
            (await service.OutboxAsync(SurveysTopics.WaveClosedName)).Single(m => m.Envelope.Contains(wave.WaveId, StringComparison.Ordinal)).Envelope));
        Assert.Equal((7, 8, "2026-10/P3M"), (waveClosed.Responses, waveClosed.InvitationsIssued, waveClosed.PeriodCode));

        var figures = ProtoCloudEvents.ReadData<EvidenceFiguresProduced>(ProtoCloudEvents.Decode(
            (await service.OutboxAsync(SurveysTopics.EvidenceFiguresProducedName)).Single(m => m.Envelope.Contains(wave.WaveId, StringComparison.Ordinal)).Envelope));
        Assert.Equal((Measures.V1.ProvenanceKind.Survey, wave.WaveId, Calls.Northbridge, "2026-10/P3M"), (figures.Kind, figures.Reference, figures.OrganisationCode, figures.Period.Code));
        var byMeasure = figures.Figures.ToDictionary(f => f.MeasureId, f => (f.Numerator, f.Denominator));
        Assert.Equal(("5", "7"), byMeasure["front-door-services-measure-4"]);
        Assert.Equal(("7", "7"), byMeasure["cp-cin-planning-measure-11"]);
        Assert.Equal(("0", "7"), byMeasure["front-door-services-measure-11"]);
        Assert.Equal(("2", "2"), byMeasure["partnership-working-measure-1"]); // asked only of the two with several agencies

        // After the close: the last code opens nothing, and the API says why.
        var late = await Statuses.FailsWith(StatusCode.FailedPrecondition, Client.SubmitResponseAsync(Parent(codes[7]), Calls.Admin()));
        Assert.Contains("closed", late.Status.Detail, StringComparison.Ordinal);
        await Statuses.FailsWith(StatusCode.FailedPrecondition, Client.CloseWaveAsync(new CloseWaveRequest { WaveId = wave.WaveId }, Calls.Admin()));
    }

    [Fact]
    public async Task Anonymous_responses_keep_no_link_to_their_invitation_and_only_the_day()
    {
        var wave = await NewWaveAsync();
        var codes = await IssueAsync(wave, 2);
        await Client.SubmitResponseAsync(Parent(codes[0]), Calls.Admin());

        var (invitations, responses) = await service.WithDbAsync(async db =>
            (await db.Invitations.Where(i => i.WaveId == wave.WaveId).ToListAsync(), await db.Responses.Where(r => r.WaveId == wave.WaveId).ToListAsync()));
        Assert.All(invitations, i => Assert.Null(i.FollowUpPseudonym));
        Assert.DoesNotContain(invitations, i => codes.Any(c => i.CodeHash.Contains(c.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)));
        var response = Assert.Single(responses);
        Assert.Null(response.FollowUpPseudonym);
        Assert.Equal(DateOnly.FromDateTime(service.Clock.GetUtcNow().UtcDateTime), response.ReceivedOn);
        Assert.DoesNotContain(invitations, i => response.Answers.Contains(i.CodeHash, StringComparison.Ordinal) || response.ResponseId == i.CodeHash);
    }

    [Fact]
    public async Task A_code_works_once_and_a_bad_answer_spends_nothing()
    {
        var wave = await NewWaveAsync();
        var code = (await IssueAsync(wave, 1))[0];

        var bad = Parent(code, treated: "very much");
        bad.Answers.Add(new Answer { Question = "agencies_together", Value = "agree" });
        var ex = await Statuses.FailsWith(StatusCode.InvalidArgument, Client.SubmitResponseAsync(bad, Calls.Admin()));
        Assert.Equal(["answers[treated_well]", "answers[agencies_together]"], Statuses.Violations(ex).Select(v => v.Split(':')[0]));
        Assert.Equal(0, await service.WithDbAsync(db => db.Responses.CountAsync(r => r.WaveId == wave.WaveId)));

        await Client.SubmitResponseAsync(Parent(code), Calls.Admin());
        var replay = await Statuses.FailsWith(StatusCode.FailedPrecondition, Client.SubmitResponseAsync(Parent(code), Calls.Admin()));
        Assert.Contains("already been used", replay.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await service.WithDbAsync(db => db.Responses.CountAsync(r => r.WaveId == wave.WaveId)));

        await Statuses.FailsWith(StatusCode.NotFound, Client.SubmitResponseAsync(Parent("ABCD-EFGH-JKMN-PQRS"), Calls.Admin()));
        await Statuses.FailsWith(StatusCode.InvalidArgument, Client.SubmitResponseAsync(Parent("not-a-code"), Calls.Admin()));
    }

    [Fact]
    public async Task Two_submissions_of_one_code_at_once_store_one_response()
    {
        var wave = await NewWaveAsync();
        var code = (await IssueAsync(wave, 1))[0];
        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                await Client.SubmitResponseAsync(Parent(code), Calls.Admin());
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));

        Assert.Single(attempts, s => s == StatusCode.OK);
        Assert.All(attempts.Where(s => s != StatusCode.OK), s => Assert.Equal(StatusCode.FailedPrecondition, s));
        Assert.Equal(1, await service.WithDbAsync(db => db.Responses.CountAsync(r => r.WaveId == wave.WaveId)));
    }

    [Fact]
    public async Task A_close_racing_submissions_counts_exactly_what_was_stored()
    {
        var wave = await NewWaveAsync();
        var codes = await IssueAsync(wave, 24);
        var submissions = codes.Select(async code =>
        {
            try
            {
                await Client.SubmitResponseAsync(Parent(code), Calls.Admin());
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }).ToList();
        var closed = await Client.CloseWaveAsync(new CloseWaveRequest { WaveId = wave.WaveId }, Calls.Admin());
        var outcomes = await Task.WhenAll(submissions);

        Assert.All(outcomes, s => Assert.Contains(s, new[] { StatusCode.OK, StatusCode.FailedPrecondition }));
        var stored = await service.WithDbAsync(db => db.Responses.CountAsync(r => r.WaveId == wave.WaveId));
        Assert.Equal(stored, closed.Responses);
        Assert.Equal(outcomes.Count(s => s == StatusCode.OK), stored);
        var results = await Client.GetWaveResultsAsync(new GetWaveResultsRequest { WaveId = wave.WaveId }, Calls.Member(Calls.Northbridge));
        Assert.Equal(stored, results.ResponseRate.Numerator);
    }

    [Fact]
    public async Task A_link_past_the_close_date_or_before_opening_is_refused()
    {
        var now = service.Clock.GetUtcNow().UtcDateTime;
        var future = await Client.CreateWaveAsync(new CreateWaveRequest
        {
            QuestionnaireId = "parent-closure", Kind = WaveKind.SixMonths, Title = "Six months on", Anonymity = Anonymity.Anonymous, PeriodCode = "2027-04/P3M",
            OpensAt = Timestamp.FromDateTime(now.AddDays(2)), ClosesAt = Timestamp.FromDateTime(now.AddDays(3)),
        }, Calls.Admin());
        Assert.Equal(WaveState.Scheduled, future.State);
        var code = (await IssueAsync(future, 1))[0];
        var early = await Statuses.FailsWith(StatusCode.FailedPrecondition, Client.SubmitResponseAsync(Parent(code), Calls.Admin()));
        Assert.Contains("opens on", early.Status.Detail, StringComparison.Ordinal);

        service.Clock.Advance(TimeSpan.FromDays(4));
        try
        {
            var expired = await Statuses.FailsWith(StatusCode.FailedPrecondition, Client.SubmitResponseAsync(Parent(code), Calls.Admin()));
            Assert.Contains("closed", expired.Status.Detail, StringComparison.Ordinal);
            await Statuses.FailsWith(StatusCode.FailedPrecondition, Client.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = future.WaveId, Count = 1 }, Calls.Admin()));
        }
        finally
        {
            service.Clock.Advance(TimeSpan.FromDays(-4));
        }
    }

    [Fact]
    public async Task Pseudonymous_follow_up_links_a_familys_answers_across_waves_without_the_reference()
    {
        var closure = await NewWaveAsync(Anonymity.Pseudonymous);
        var sixMonths = await NewWaveAsync(Anonymity.Pseudonymous, "parent-6-months", WaveKind.SixMonths);
        string[] families = ["Family 12", "Family 31"];
        var first = await Client.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = closure.WaveId, FollowUpReferences = { families } }, Calls.Admin());
        var later = await Client.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = sixMonths.WaveId, FollowUpReferences = { families[0] } }, Calls.Admin());

        var a = await Client.SubmitResponseAsync(Parent(first.Invitations[0].Code), Calls.Admin());
        await Client.SubmitResponseAsync(Parent(first.Invitations[1].Code), Calls.Admin());
        var b = await Client.SubmitResponseAsync(Parent(later.Invitations[0].Code), Calls.Admin());
        Assert.NotEqual(string.Empty, a.ResponseId);

        var rows = await service.WithDbAsync(db => db.Responses.Where(r => r.ResponseId == a.ResponseId || r.ResponseId == b.ResponseId).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal(rows[0].FollowUpPseudonym, rows[1].FollowUpPseudonym);
        Assert.StartsWith("pseudo:", rows[0].FollowUpPseudonym, StringComparison.Ordinal);
        var all = await service.WithDbAsync(db => db.Invitations.Select(i => i.FollowUpPseudonym).ToListAsync());
        Assert.DoesNotContain(all, p => p != null && p.Contains("Family", StringComparison.Ordinal));

        var ex = await Statuses.FailsWith(StatusCode.InvalidArgument, Client.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = closure.WaveId, Count = 3 }, Calls.Admin()));
        Assert.StartsWith("count", Assert.Single(Statuses.Violations(ex)), StringComparison.Ordinal);
        await Statuses.FailsWith(StatusCode.InvalidArgument, Client.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = (await NewWaveAsync()).WaveId, FollowUpReferences = { "Family 12" } }, Calls.Admin()));
    }

    [Fact]
    public async Task Outside_the_organisation_small_numbers_are_suppressed()
    {
        var wave = await NewWaveAsync(minimum: 5);
        var codes = await IssueAsync(wave, 10);
        for (var i = 0; i < 6; i++)
        {
            await Client.SubmitResponseAsync(Parent(codes[i], treated: i == 0 ? "disagree" : "agree", several: i < 2 ? "yes" : "no", together: i < 2 ? "agree" : null), Calls.Admin());
        }

        // The partnership reads Northbridge's wave through the gateway's grant: aggregates only.
        var outside = await Client.GetWaveResultsAsync(new GetWaveResultsRequest { WaveId = wave.WaveId }, Calls.Member("NB-LSCP", target: Calls.Northbridge));
        Assert.True(outside.DisclosureControlled);
        var treated = outside.Questions.Single(q => q.Question == "treated_well");
        Assert.True(treated.Choices.Single(c => c.Choice == "disagree").Suppressed); // 1: primary
        Assert.True(treated.Choices.Single(c => c.Choice == "agree").Suppressed); // 6 answered − 5 would give it away: secondary
        // 5 positive of 6 answered would give the 1 away too: the positive figure is withheld with the choices.
        Assert.Equal((true, 0), (treated.Positive.Suppressed, treated.Positive.Numerator));
        Assert.Contains("worked out", treated.Positive.SuppressionReason, StringComparison.Ordinal);
        var together = outside.Questions.Single(q => q.Question == "agencies_together");
        Assert.True(together.Positive.Suppressed);
        Assert.Equal("fewer than 5 answers", together.Positive.SuppressionReason);
        Assert.Equal(0, together.Positive.Numerator);

        var inside = await Client.GetWaveResultsAsync(new GetWaveResultsRequest { WaveId = wave.WaveId }, Calls.Member(Calls.Northbridge));
        Assert.Equal((2, 2), (inside.Questions.Single(q => q.Question == "agencies_together").Positive.Numerator, inside.Questions.Single(q => q.Question == "agencies_together").Positive.Denominator));
    }

    [Fact]
    public async Task Another_organisations_wave_is_not_found_and_bad_requests_name_their_fields()
    {
        var wave = await NewWaveAsync();
        await Statuses.FailsWith(StatusCode.NotFound, Client.GetWaveAsync(new GetWaveRequest { WaveId = wave.WaveId }, Calls.Member(Calls.Southmoor)));
        await Statuses.FailsWith(StatusCode.NotFound, Client.CloseWaveAsync(new CloseWaveRequest { WaveId = wave.WaveId }, Calls.Admin(Calls.Southmoor)));
        await Statuses.FailsWith(StatusCode.NotFound, Client.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = wave.WaveId, Count = 1 }, Calls.Admin(Calls.Southmoor)));
        await Statuses.FailsWith(StatusCode.NotFound, Client.GetWaveResultsAsync(new GetWaveResultsRequest { WaveId = wave.WaveId }, Calls.Member(Calls.Southmoor)));
        var code = (await IssueAsync(wave, 1))[0];
        await Statuses.FailsWith(StatusCode.NotFound, Client.SubmitResponseAsync(Parent(code), Calls.Admin(Calls.Southmoor)));
        await Statuses.FailsWith(StatusCode.PermissionDenied, Client.CloseWaveAsync(new CloseWaveRequest { WaveId = wave.WaveId }, Calls.Member(Calls.Northbridge)));
        await Client.SubmitResponseAsync(Parent(code), Calls.Admin());
        await Statuses.FailsWith(StatusCode.NotFound, Client.SubmitResponseAsync(Parent(code), Calls.Admin(Calls.Southmoor))); // used, but not theirs to know

        var ex = await Statuses.FailsWith(StatusCode.InvalidArgument, Client.CreateWaveAsync(new CreateWaveRequest
        {
            QuestionnaireId = "parent-closure", Title = "", PeriodCode = "spring",
            OpensAt = Timestamp.FromDateTime(DateTime.UtcNow), ClosesAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-1)),
        }, Calls.Admin()));
        Assert.Equal(["kind", "title", "closes_at", "anonymity", "period_code"], Statuses.Violations(ex).Select(v => v.Split(':')[0]));
        var missing = await Statuses.FailsWith(StatusCode.InvalidArgument, Client.CreateWaveAsync(new CreateWaveRequest
        {
            QuestionnaireId = "no-such-form", Kind = WaveKind.AdHoc, Title = "x", PeriodCode = "2026-01/P1M", Anonymity = Anonymity.Anonymous,
            OpensAt = Timestamp.FromDateTime(DateTime.UtcNow), ClosesAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(1)),
        }, Calls.Admin()));
        Assert.StartsWith("questionnaire_id", Assert.Single(Statuses.Violations(missing)), StringComparison.Ordinal);
        await Statuses.FailsWith(StatusCode.InvalidArgument, Client.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = wave.WaveId, Count = 0 }, Calls.Admin()));
    }
}

public sealed class SqliteWaveApiTests(SqliteServiceFixture service) : WaveApiTests(service), IClassFixture<SqliteServiceFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresWaveApiTests(PostgresServiceFixture service) : WaveApiTests(service), IClassFixture<PostgresServiceFixture>;
