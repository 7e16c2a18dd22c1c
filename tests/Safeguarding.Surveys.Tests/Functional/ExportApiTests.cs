using System.Text;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Surveys.Tests.Functional;

public abstract class ExportApiTests(ServiceFixture service)
{
    private SurveysService.SurveysServiceClient Client => service.Client;

    private async Task<Wave> WaveAsync(Anonymity anonymity)
    {
        var now = service.Clock.GetUtcNow().UtcDateTime;
        return await Client.CreateWaveAsync(new CreateWaveRequest
        {
            QuestionnaireId = "child-closure", Kind = WaveKind.Closure, Title = "Children at closure", Anonymity = anonymity, PeriodCode = "2026-10/P3M",
            OpensAt = Timestamp.FromDateTime(now.AddHours(-1)), ClosesAt = Timestamp.FromDateTime(now.AddDays(30)),
        }, Calls.Admin());
    }

    private static SubmitResponseRequest Child(string code, string better)
    {
        var request = new SubmitResponseRequest { Code = code };
        foreach (var q in new[] { "listened", "felt_safer", "taken_seriously" })
        {
            request.Answers.Add(new Answer { Question = q, Value = "agree" });
        }

        request.Answers.Add(new Answer { Question = "someone_to_talk_to", Value = "yes" });
        request.Answers.Add(new Answer { Question = "better", Value = better });
        return request;
    }

    [Fact]
    public async Task Responses_export_as_CSV_and_JSON_inside_the_organisation_only()
    {
        var wave = await WaveAsync(Anonymity.Anonymous);
        var codes = (await Client.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = wave.WaveId, Count = 2 }, Calls.Admin())).Invitations;
        await Client.SubmitResponseAsync(Child(codes[0].Code, "=HYPERLINK(\"x\"), more time"), Calls.Admin());
        await Client.SubmitResponseAsync(Child(codes[1].Code, "Nothing"), Calls.Admin());

        var csv = await Client.ExportResponsesAsync(new ExportResponsesRequest { WaveId = wave.WaveId, Format = ExportFormat.Csv }, Calls.Admin());
        var lines = Encoding.UTF8.GetString(csv.Content.ToByteArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("received_on,listened,felt_safer,taken_seriously,someone_to_talk_to,no_one_help,better", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.EndsWith(",\"'=HYPERLINK(\"\"x\"\"), more time\"", StringComparison.Ordinal)); // never a live formula
        Assert.Equal((2, "text/csv; charset=utf-8"), (csv.Responses, csv.ContentType));

        var json = await Client.ExportResponsesAsync(new ExportResponsesRequest { WaveId = wave.WaveId, Format = ExportFormat.Json }, Calls.Admin());
        using var document = JsonDocument.Parse(json.Content.ToByteArray());
        Assert.Equal(2, document.RootElement.GetProperty("responses").GetArrayLength());
        Assert.False(document.RootElement.GetProperty("responses")[0].TryGetProperty("follow_up_pseudonym", out _));

        // Outside the organisation (the partnership through a grant) row-level answers are not there at all.
        await Statuses.FailsWith(StatusCode.NotFound, Client.ExportResponsesAsync(
            new ExportResponsesRequest { WaveId = wave.WaveId, Format = ExportFormat.Csv },
            new CallOptions(Platform.Grpc.DevelopmentTokens.Headers(Calls.DevelopmentKey, "admin-9", "NB-LSCP", ["survey-admin"], Calls.Northbridge), DateTime.UtcNow.AddMinutes(1))));
        await Statuses.FailsWith(StatusCode.InvalidArgument, Client.ExportResponsesAsync(new ExportResponsesRequest { WaveId = wave.WaveId }, Calls.Admin()));
    }

    [Fact]
    public async Task Reminders_name_the_follow_up_references_still_to_answer_and_anonymous_waves_name_none()
    {
        var wave = await WaveAsync(Anonymity.Pseudonymous);
        var issued = await Client.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = wave.WaveId, FollowUpReferences = { "Family 1", "Family 2", "Family 3" } }, Calls.Admin());
        await Client.SubmitResponseAsync(Child(issued.Invitations[1].Code, "Fine"), Calls.Admin());

        var unanswered = await Client.ListUnansweredAsync(new ListUnansweredRequest { WaveId = wave.WaveId, FollowUpReferences = { "Family 1", "Family 2", "Family 3", "Family 9" } }, Calls.Admin());
        Assert.Equal(["Family 1", "Family 3"], unanswered.FollowUpReferences);

        var anonymous = await WaveAsync(Anonymity.Anonymous);
        await Statuses.FailsWith(StatusCode.FailedPrecondition, Client.ListUnansweredAsync(new ListUnansweredRequest { WaveId = anonymous.WaveId, FollowUpReferences = { "Family 1" } }, Calls.Admin()));
    }

    [Fact]
    public async Task A_printable_sheet_carries_each_code_and_a_QR_code_of_its_link()
    {
        var wave = await WaveAsync(Anonymity.Anonymous);
        var issued = await Client.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = wave.WaveId, Count = 3, Printable = true }, Calls.Admin());
        var html = Encoding.UTF8.GetString(issued.PrintableHtml.ToByteArray());

        Assert.All(issued.Invitations, i => Assert.Contains(i.Code, html, StringComparison.Ordinal));
        Assert.Equal(3, html.Split("<svg ").Length - 1);
        Assert.Contains("https://surveys.northbridge.example/s/", html, StringComparison.Ordinal);
        Assert.True((await Client.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = wave.WaveId, Count = 1 }, Calls.Admin())).PrintableHtml.IsEmpty);
    }
}

public sealed class SqliteExportApiTests(SqliteServiceFixture service) : ExportApiTests(service), IClassFixture<SqliteServiceFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresExportApiTests(PostgresServiceFixture service) : ExportApiTests(service), IClassFixture<PostgresServiceFixture>;
