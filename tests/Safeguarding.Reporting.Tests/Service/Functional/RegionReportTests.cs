using Microsoft.EntityFrameworkCore;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>
/// A region's reports drafted by the reporting service against a gateway over real gRPC: the region's own published
/// figures make its sheets, and its partnerships come from the gateway's disclosure-controlled answers, asked with the
/// caller's bearer token alone. The fictional partnership's region is the region; its neighbour stands for England.
/// </summary>
public sealed class RegionReportTests : IAsyncLifetime
{
    private static readonly Identity RegionAnalyst = new("user-region-1", "region-analyst");

    private readonly TestDatabase _database = TestDatabase.Sqlite();
    private readonly FictionalPartnership _partnership = new();
    private FakeGateway _gateway = null!;
    private ReportingHost _host = null!;

    public async Task InitializeAsync()
    {
        _gateway = await FakeGateway.StartAsync();
        _host = await ReportingHost.StartAsync(_database, new Dictionary<string, string?>
        {
            ["Reporting:Region:GatewayAddress"] = _gateway.Address.ToString(),
            ["Reporting:Region:EnglandCode"] = _partnership.Neighbour,
        });
        await _host.WaitForReceivedAsync(await _partnership.PublishEvidenceAsync(_host));
        await _host.Client.SetProfileAsync(new ReportingProfile
        {
            OrganisationCode = _partnership.Region,
            Name = "London",
            Kind = V1.OrganisationKind.Region,
            ComparatorCodes = { _partnership.Neighbour },
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _gateway.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_regions_book_shows_each_partnership_beside_the_region_and_england_by_content_area_asked_as_the_caller()
    {
        var report = await _host.Client.GenerateBookAsync(_partnership.Region, "2024-04/P12M", RegionAnalyst);
        var book = await StoredAsync<ReportBook>(report.Id);

        var area = Assert.IsType<AreaPicture>(book.Area);
        Assert.True(area.Available);
        // The region's measures (its own published figures), each with its content area for the book's grouping.
        Assert.Equal(
            [(FictionalPartnership.FeelSaferTitle, "Neglect"), (FictionalPartnership.PlansClearTitle, "Neglect")],
            area.Measures.Select(m => (m.Measure.Title, m.ContentArea)).Order());
        var feelSafer = area.Measures.Single(m => m.Measure.Id == _partnership.FeelSafer);
        Assert.Equal(FakeGateway.PeriodLabel, feelSafer.Period);
        Assert.Equal([("Camden", 72.0, 1), ("Islington", (double?)null, 0)], feelSafer.Partnerships.Select(p => (p.Name, p.Figure.Value, p.Rank)));
        Assert.Equal(PointState.Suppressed, feelSafer.Partnerships[1].Figure.State);
        Assert.Equal(64.5, feelSafer.Region.Value);
        // England's published figure for the same period, from the region's own read model (1 of 1).
        Assert.Equal(100.0, feelSafer.England?.Value);
        Assert.Equal("Information sharing", Assert.Single(area.Themes!.Themes).Title);
        // Asked: the organisations that run audits (hackney runs none).
        Assert.Equal((2, 2), (area.Audits!.Asked, area.Audits.Answered));
        var tool = Assert.Single(area.Audits.Tools);
        Assert.Equal(("Multi-agency child protection audit", 55.0, 2), (tool.Title, tool.Audits.Value, tool.Organisations));
        Assert.Equal(
            [("Good", PointState.Value), ("Inadequate", PointState.Suppressed)],
            tool.Criteria.Single().Answers.Select(a => (a.Answer, a.Count.State)));

        // Every call carried the caller's own token and nothing else of identity.
        var calls = _gateway.Seen.All;
        Assert.Contains(calls, c => c.Method == "CompareWithPeers");
        Assert.All(calls, c => Assert.StartsWith("Bearer ", c.Authorization, StringComparison.Ordinal));
        Assert.All(calls, c => Assert.False(c.OtherIdentity));

        var html = (await _host.Client.HtmlAsync(report.Id)).Content.ToStringUtf8();
        Assert.Contains("Across the region: partnerships beside the region and England", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Neglect</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Case audit grades across the region</h3>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_regions_quarterly_report_shows_the_audit_grades_across_the_region_in_its_qualitative_evidence()
    {
        var report = await _host.Client.CallAsync<GenerateQuarterlyReportRequest, GenerateReportResponse>(
            "GenerateQuarterlyReport", new GenerateQuarterlyReportRequest { OrganisationCode = _partnership.Region, PeriodCode = "2025-01/P3M" }, RegionAnalyst);

        var html = (await _host.Client.HtmlAsync(report.Report.Id)).Content.ToStringUtf8();
        var qualitative = html[html.IndexOf("id=\"qualitative\"", StringComparison.Ordinal)..html.IndexOf("id=\"voices\"", StringComparison.Ordinal)];
        Assert.Contains("Case audit grades across the region", qualitative, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">The child remained the focus</th><td class=\"num\">27</td>", qualitative, StringComparison.Ordinal);
        Assert.Contains("Audits counted: 55, across 2 organisations.", qualitative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_regions_quarterly_report_shows_the_survey_results_across_the_region_with_withheld_counts_in_words()
    {
        var report = await _host.Client.CallAsync<GenerateQuarterlyReportRequest, GenerateReportResponse>(
            "GenerateQuarterlyReport", new GenerateQuarterlyReportRequest { OrganisationCode = _partnership.Region, PeriodCode = "2025-01/P3M" }, RegionAnalyst);

        var html = (await _host.Client.HtmlAsync(report.Report.Id)).Content.ToStringUtf8();
        var qualitative = html[html.IndexOf("id=\"qualitative\"", StringComparison.Ordinal)..html.IndexOf("id=\"voices\"", StringComparison.Ordinal)];
        Assert.Contains("Survey results across the region", qualitative, StringComparison.Ordinal);
        // Asked: the organisations with a surveys service (islington runs none).
        Assert.Contains("1 of 1 organisation with a surveys service answered", qualitative, StringComparison.Ordinal);
        Assert.Contains("Responses counted: 87, across 1 organisation.", qualitative, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Do you receive safeguarding supervision?</th><td class=\"num\">70</td>", qualitative, StringComparison.Ordinal);
        Assert.DoesNotContain("<td class=\"num\">0</td>", qualitative[qualitative.IndexOf("Survey results across the region", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_regions_voices_are_only_the_stories_partnerships_shared_with_it()
    {
        // A partnership's public story, published but not shared with the region: the region does not quote it.
        await _host.Client.SetProfileAsync(new ReportingProfile { OrganisationCode = _partnership.Code, Name = FictionalPartnership.Name, Kind = V1.OrganisationKind.Partnership, ParentCode = _partnership.Region });
        var unshared = new Safeguarding.Surveys.Events.V1.StoryPublished
        {
            StoryId = "story-unshared", OrganisationCode = _partnership.Code, Text = "Published for the public but not shared with the Board.",
            Consent = Safeguarding.Surveys.V1.QuoteConsent.Public, Attribution = "a parent or carer",
            PublishedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2025, 2, 3, 10, 0, 0, DateTimeKind.Utc)),
        };
        var before = await _host.QueryAsync(db => db.ReceivedEvents.CountAsync());
        await _host.PublishAsync(Events.ReportingTopics.StoryPublished, unshared, _partnership.Code);
        await _host.WaitForReceivedAsync(before + 1);

        var report = await _host.Client.CallAsync<GenerateQuarterlyReportRequest, GenerateReportResponse>(
            "GenerateQuarterlyReport", new GenerateQuarterlyReportRequest { OrganisationCode = _partnership.Region, PeriodCode = "2025-01/P3M" }, RegionAnalyst);

        var quarterly = await StoredAsync<QuarterlyReport>(report.Report.Id);
        var voice = Assert.Single(quarterly.Voices);
        Assert.Equal((FakeGateway.SharedQuote, "a young person aged 13\u201315, Camden", Safeguarding.Reporting.Documents.VoiceSource.Child), (voice.Quote, voice.Attribution, voice.Source));
        Assert.Contains(_gateway.Seen.All, c => c.Method == "ListRegionVoices");
        var html = (await _host.Client.HtmlAsync(report.Report.Id)).Content.ToStringUtf8();
        var voices = html[html.IndexOf("id=\"voices\"", StringComparison.Ordinal)..];
        Assert.Contains(FakeGateway.SharedQuote, voices, StringComparison.Ordinal);
        Assert.Contains("A young person aged 13\u201315, Camden", voices, StringComparison.Ordinal);
        Assert.DoesNotContain("not shared with the Board", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partnerships_book_asks_the_gateway_nothing()
    {
        await _host.Client.SetProfileAsync(new ReportingProfile { OrganisationCode = _partnership.Code, Name = FictionalPartnership.Name, Kind = V1.OrganisationKind.Partnership, ParentCode = _partnership.Region });

        var report = await _host.Client.GenerateBookAsync(_partnership.Code, "2024-04/P12M");

        Assert.Null((await StoredAsync<ReportBook>(report.Id)).Area);
        Assert.Empty(_gateway.Seen.All);
    }

    private Task<T> StoredAsync<T>(string id)
        where T : ReportDocument => _host.StoredDocumentAsync<T>(id);
}
