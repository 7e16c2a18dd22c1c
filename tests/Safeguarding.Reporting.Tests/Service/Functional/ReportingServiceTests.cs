using Grpc.Core;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Persistence.Outbox;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Events.V1;
using Safeguarding.Reporting.Rendering;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>
/// The reporting service end to end: measures events through the in-process transport into the read models,
/// narrative and profiles over gRPC, then a Report Book and a quarterly report generated, signed off and
/// published over real gRPC on a loopback port.
/// </summary>
public abstract class ReportingServiceTests : IAsyncLifetime
{
    private ReportingHost _host = null!;
    private FictionalPartnership _partnership = null!;

    protected abstract TestDatabase Database { get; }

    public async Task InitializeAsync()
    {
        _host = await ReportingHost.StartAsync(Database);
        _partnership = new FictionalPartnership();
        var before = await _host.QueryAsync(db => db.ReceivedEvents.CountAsync());
        var published = await _partnership.PublishEvidenceAsync(_host);
        await _partnership.RecordNarrativeAsync(_host.Client);
        await _host.WaitForReceivedAsync(before + published);
    }

    public virtual async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_report_book_is_assembled_from_the_read_models_and_narrative()
    {
        var report = await _host.Client.GenerateBookAsync(_partnership.Code, "2024-04/P12M");

        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Equal("Safeguarding Children Report Book 2024/25", report.Document.Fields["title"].StringValue);
        var book = (ReportBook)await DocumentAsync(report.Id);
        Assert.Equal(FictionalPartnership.Name, book.Organisation.Name);
        Assert.Equal(["Neglect", "Workforce"], book.Sheets.Select(s => s.Title));

        var neglect = book.Sheets[0];
        Assert.Equal("Neglect is the most common reason for a child protection plan.", neglect.WhyItMatters);
        Assert.Equal(2, neglect.GoodStatements.Count);
        Assert.Equal([_partnership.FeelSafer, _partnership.PlansClear, _partnership.Referrals], neglect.Measures.Select(m => m.Measure.Id));
        Assert.Equal(["How do we know we are making a difference?"], neglect.ScrutinyQuestions);
        Assert.Contains("the lead is finding out why", neglect.StoryBehindTheFigures, StringComparison.Ordinal);
        var action = Assert.Single(neglect.Actions);
        Assert.Equal((_partnership.FeelSafer, Reporting.Documents.ActionStatus.InProgress), (action.MeasureId, action.Status));

        var feelSafer = neglect.Measures[0];
        Assert.Equal(24, feelSafer.Trend.Points.Count);
        Assert.Equal([("2023/24", 60.0), ("2024/25", 72.0)], feelSafer.YearOnYear!.Points.Select(p => (p.Label, p.Value!.Value)));
        Assert.NotNull(feelSafer.YearOnYear.Points[1].Interval);
        var region = Assert.Single(feelSafer.Trend.Comparators, c => c.Kind == ComparatorKind.Region);
        Assert.Equal("Fictional Region", region.Label);
        var neighbour = Assert.Single(feelSafer.Trend.Comparators, c => c.Label == "Neighbouring Partnership");
        Assert.All(neighbour.Points, p => Assert.Equal(PointState.Suppressed, p.State));

        var voice = Assert.Single(book.Stories.Voices);
        Assert.Equal(Reporting.Documents.VoiceSource.Child, voice.Source);
        var outcomes = book.Balance.ByType.Single(b => b.Category == MeasureType.Outcome);
        Assert.Equal((1, 1), (outcomes.Current, outcomes.Previous!.Value));
    }

    [Fact]
    public async Task A_published_book_is_immutable_and_its_html_is_reproduced_byte_for_byte_from_its_snapshot()
    {
        var draft = await _host.Client.GenerateBookAsync(_partnership.Code, "2024-04/P12M");
        await _host.Client.SubmitAsync(draft.Id);
        await _host.Client.ApproveAsync(draft.Id);
        var published = await _host.Client.PublishAsync(draft.Id);

        Assert.Equal(ReportStatus.Published, published.Status);
        Assert.Equal("1.0", published.Version);
        Assert.Equal(
            [(ReportStatus.Draft, ReportStatus.Submitted), (ReportStatus.Submitted, ReportStatus.Approved), (ReportStatus.Approved, ReportStatus.Published)],
            published.Transitions.Select(t => (t.From, t.To)));
        var html = await _host.Client.HtmlAsync(draft.Id);
        Assert.Equal(published.HtmlSha256, Convert.ToHexStringLower(SHA256.HashData(html.Content.Span)));
        Assert.Equal(published.HtmlSha256, html.Sha256);

        var row = await _host.QueryAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == draft.Id));
        var rerendered = ReportFiles.RenderHtml(new HtmlReportRenderer(), DocumentSnapshot.Deserialize(row.Kind, row.Snapshot));
        Assert.Equal(row.Html, rerendered);
        Assert.Equal(html.Content.ToByteArray(), rerendered);
        Assert.Equal(row.SnapshotSha256, Convert.ToHexStringLower(SHA256.HashData(row.Snapshot)));

        var again = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() => _host.Client.PublishAsync(draft.Id));
        Assert.Equal(global::Grpc.Core.StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal(html.Content, (await _host.Client.HtmlAsync(draft.Id)).Content);
        var exports = await _host.QueryAsync(db => db.ReportExports.Where(e => e.ReportId == draft.Id).Select(e => new { e.Format, e.UserId }).ToListAsync());
        Assert.Equal(2, exports.Count);
        Assert.All(exports, e => Assert.Equal(("html", ReportingClient.Analyst.UserId), (e.Format, e.UserId)));
    }

    [Fact]
    public async Task Publishing_writes_ReportPublished_to_the_outbox_with_the_hashes()
    {
        var draft = await _host.Client.GenerateBookAsync(_partnership.Code, "2024-04/P12M");
        await _host.Client.SubmitAsync(draft.Id);
        await _host.Client.ApproveAsync(draft.Id);
        var published = await _host.Client.PublishAsync(draft.Id);

        var envelope = await _host.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Topic == "reporting.report-published.v1" && m.Subject == _partnership.Code).Select(m => m.Envelope).SingleAsync());
        var message = ProtoCloudEvents.ReadData<ReportPublished>(ProtoCloudEvents.Decode(envelope));
        Assert.Equal((draft.Id, ReportKind.Book, "2024-04/P12M"), (message.ReportId, message.Kind, message.PeriodCode));
        Assert.Equal((published.HtmlSha256, published.SnapshotSha256), (message.HtmlSha256, message.SnapshotSha256));
    }

    [Fact]
    public async Task The_quarterly_report_picks_out_areas_for_further_exploration_and_what_we_are_doing_well()
    {
        await _host.Actions.AcceptAllAsync(_partnership.Code, "2025-01/P3M");
        var report = await _host.Client.GenerateQuarterlyAsync(_partnership.Code, "2025-01/P3M", new QuarterlyReportOptions { QuarterFocus = "Neglect", AuthorRoles = { "Sub-group Chair" } });

        var quarterly = (QuarterlyReport)await DocumentAsync(report.Id);
        Assert.Equal("January 2025 to March 2025 (Quarter 4)", quarterly.Period.Label);
        Assert.Equal([(Reporting.Documents.PriorityKind.ThemedPriorityArea, "Neglect"), (Reporting.Documents.PriorityKind.AssuranceArea, "Workforce")], quarterly.StrategicPriorities.Select(p => (p.Kind, p.Title)));
        var exploration = quarterly.Performance.FurtherExploration;
        Assert.Equal(2, exploration.Count);
        Assert.All(exploration, e => Assert.StartsWith(FictionalPartnership.FeelSaferTitle + ": 48.0% in Jan to Mar 2025", e, StringComparison.Ordinal));
        Assert.Contains(exploration, e => e.Contains("down 32.0 percentage points from 80.0% in Oct to Dec 2024", StringComparison.Ordinal));
        Assert.Contains(exploration, e => e.Contains("below Fictional Region (70.0%", StringComparison.Ordinal));
        Assert.All(quarterly.Performance.DoingWell, d => Assert.StartsWith(FictionalPartnership.PlansClearTitle, d, StringComparison.Ordinal));
        Assert.Equal(2, quarterly.Performance.DoingWell.Count);
        Assert.DoesNotContain(exploration.Concat(quarterly.Performance.DoingWell), t => t.Contains("poor", StringComparison.OrdinalIgnoreCase));

        var breakdown = Assert.Single(quarterly.Performance.Breakdowns);
        Assert.Equal(
            [("East", PointState.Suppressed), ("North", PointState.Value), ("South", PointState.Suppressed)],
            breakdown.Groups.Select(g => (g.Label, g.State)));
        Assert.Equal(4, quarterly.Performance.Measures.Count);
        Assert.Contains("Imported data (generic-monthly-team-audit): 2 measures", quarterly.EvidenceAvailable);
        Assert.Contains("Multi-agency audit of neglect cases", quarterly.EvidenceAvailable);
        Assert.Equal(["New national guidance is expected."], quarterly.HorizonScanning);
        Assert.Equal("Workforce sub-group", Assert.Single(quarterly.Recommendations).For);
        Assert.Single(quarterly.Voices);
        Assert.Contains("Plans were clearer", quarterly.QualitativeEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_asked_for_in_the_basic_view_comes_back_without_its_document_which_is_stored_all_the_same()
    {
        var basic = await _host.Client.CallAsync<GenerateReportBookRequest, GenerateReportResponse>("GenerateReportBook",
            new GenerateReportBookRequest { OrganisationCode = _partnership.Code, PeriodCode = "2024-04/P12M", View = ReportView.Basic });
        var quarterly = await _host.Client.CallAsync<GenerateQuarterlyReportRequest, GenerateReportResponse>("GenerateQuarterlyReport",
            new GenerateQuarterlyReportRequest { OrganisationCode = _partnership.Code, PeriodCode = "2025-01/P3M", View = ReportView.Basic });

        Assert.Null(basic.Report.Document);
        Assert.Null(quarterly.Report.Document);
        Assert.Equal("Safeguarding Children Report Book 2024/25", basic.Report.Title);
        var full = await _host.Client.GetAsync(basic.Report.Id, ReportView.Full);
        Assert.Equal("Safeguarding Children Report Book 2024/25", full.Document.Fields["title"].StringValue);
    }

    [Fact]
    public async Task Csv_and_report_listings_come_from_the_stored_report()
    {
        var first = await _host.Client.GenerateQuarterlyAsync(_partnership.Code, "2025-01/P3M");
        var second = await _host.Client.GenerateBookAsync(_partnership.Code, "2024-04/P12M");

        var csv = await _host.Client.CallAsync<ListReportCsvRequest, ListReportCsvResponse>("ListReportCsv", new ListReportCsvRequest { ReportId = second.Id });
        Assert.NotEmpty(csv.Files);
        Assert.All(csv.Files, f => Assert.EndsWith(".csv", f.FileName, StringComparison.Ordinal));

        var page1 = await _host.Client.CallAsync<ListReportsRequest, ListReportsResponse>("ListReports", new ListReportsRequest { OrganisationCode = _partnership.Code, PageSize = 1 });
        var page2 = await _host.Client.CallAsync<ListReportsRequest, ListReportsResponse>("ListReports", new ListReportsRequest { OrganisationCode = _partnership.Code, PageSize = 1, PageToken = page1.NextPageToken });
        Assert.Equal([second.Id, first.Id], page1.Reports.Concat(page2.Reports).Select(r => r.Id));
        Assert.Equal("", page2.NextPageToken);
        Assert.Null(page1.Reports[0].Document);
        var books = await _host.Client.CallAsync<ListReportsRequest, ListReportsResponse>("ListReports", new ListReportsRequest { OrganisationCode = _partnership.Code, Kind = ReportKind.Book });
        Assert.Equal([second.Id], books.Reports.Select(r => r.Id));
    }

    [Fact]
    public async Task Approved_stories_are_the_partnerships_voices_by_consent_and_attributed_by_role_and_age_band_only()
    {
        var code = _partnership.Code;
        var agency = code + "-csc";
        var police = code + "-police";
        await _host.Client.SetProfileAsync(new ReportingProfile { OrganisationCode = agency, Name = "Children's Social Care", Kind = Reporting.V1.OrganisationKind.Agency, ParentCode = code });
        await _host.Client.SetProfileAsync(new ReportingProfile { OrganisationCode = police, Name = "Police", Kind = Reporting.V1.OrganisationKind.Agency, ParentCode = code });
        var inWindow = new DateTime(2025, 2, 3, 10, 0, 0, DateTimeKind.Utc);
        Safeguarding.Surveys.Events.V1.StoryPublished Story(string id, string organisation, Safeguarding.Surveys.V1.QuoteConsent consent, string text, string attribution, DateTime at) => new()
        {
            StoryId = code + id, OrganisationCode = organisation, WaveId = "w1", Text = text, Consent = consent, Attribution = attribution,
            PublishedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(at),
        };
        var stories = new[]
        {
            Story("-own", code, Safeguarding.Surveys.V1.QuoteConsent.Internal, "The partnership's own quote.", "a member of frontline staff", inWindow),
            Story("-shared", agency, Safeguarding.Surveys.V1.QuoteConsent.Partnership, "My worker always came when she said she would.", "a young person aged 13\u201315", inWindow.AddDays(1)),
            Story("-public", police, Safeguarding.Surveys.V1.QuoteConsent.Public, "They explained what would happen next.", "a parent or carer", inWindow.AddDays(2)),
            Story("-internal", agency, Safeguarding.Surveys.V1.QuoteConsent.Internal, "Only for the agency itself.", "a parent or carer", inWindow),
            Story("-elsewhere", "someone-else", Safeguarding.Surveys.V1.QuoteConsent.Public, "Another partnership's story.", "a parent or carer", inWindow),
            Story("-old", agency, Safeguarding.Surveys.V1.QuoteConsent.Public, "Told before the quarter began.", "a parent or carer", new DateTime(2024, 12, 1, 0, 0, 0, DateTimeKind.Utc)),
        };
        var before = await _host.QueryAsync(db => db.ReceivedEvents.CountAsync());
        foreach (var story in stories)
        {
            await _host.PublishAsync(Events.ReportingTopics.StoryPublished, story, story.OrganisationCode);
        }

        await _host.PublishAsync(Events.ReportingTopics.StoryPublished, stories[1], agency); // a repeat changes nothing
        await _host.WaitForReceivedAsync(before + stories.Length + 1);

        var report = await _host.Client.GenerateQuarterlyAsync(code, "2025-01/P3M");
        var quarterly = (QuarterlyReport)await DocumentAsync(report.Id);
        var stored = quarterly.Voices.Where(v => v.Attribution is not null).ToList();
        Assert.Equal(["They explained what would happen next.", "My worker always came when she said she would.", "The partnership's own quote."], stored.Select(v => v.Quote));
        Assert.Equal(["a parent or carer", "a young person aged 13\u201315", "a member of frontline staff"], stored.Select(v => v.Attribution));
        Assert.Equal([Reporting.Documents.VoiceSource.ParentOrCarer, Reporting.Documents.VoiceSource.Child, Reporting.Documents.VoiceSource.FrontlineStaff], stored.Select(v => v.Source));
        var html = (await _host.Client.HtmlAsync(report.Id)).Content.ToStringUtf8();
        Assert.Contains("4.3 Voices", html, StringComparison.Ordinal);
        Assert.Contains("A young person aged 13\u201315", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Only for the agency itself.", html, StringComparison.Ordinal);

        var book = (ReportBook)await DocumentAsync((await _host.Client.GenerateBookAsync(code, "2024-04/P12M")).Id);
        Assert.Contains(book.Stories.Voices, v => v.Quote == "Told before the quarter began.");
        Assert.DoesNotContain(book.Stories.Voices, v => v.Quote is "Only for the agency itself." or "Another partnership's story.");
        Assert.Equal(1, await _host.QueryAsync(db => db.Stories.CountAsync(s => s.StoryId == code + "-shared")));
    }

    private Task<ReportDocument> DocumentAsync(string id) => _host.StoredDocumentAsync<ReportDocument>(id);
}

public sealed class SqliteReportingServiceTests : ReportingServiceTests
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();

    protected override TestDatabase Database => _database;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[Trait("Category", "Integration")]
public sealed class PostgresReportingServiceTests(PostgresClassDatabase postgres) : ReportingServiceTests, IClassFixture<PostgresClassDatabase>
{
    protected override TestDatabase Database => postgres.Database;
}
