using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Planning;
using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>
/// The QA timetable and chart annotations over gRPC: planned, done (and by what), judged against the configured rules;
/// bad input is INVALID_ARGUMENT naming the field; another organisation's records are out of reach.
/// </summary>
public abstract class QaPlanningTests : IAsyncLifetime
{
    private static readonly int ThisYear = QaYears.Of(DateOnly.FromDateTime(DateTime.UtcNow));

    private readonly string _org = "org-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _other = "other-" + Guid.NewGuid().ToString("N")[..8];
    private ReportingHost _host = null!;
    private global::Grpc.Net.Client.GrpcChannel _channel = null!;
    private QaPlanningCaller _qa = null!;

    public async Task InitializeAsync()
    {
        _host = await ReportingHost.StartAsync(Database);
        _channel = QaPlanningCaller.ChannelTo(_host);
        _qa = new QaPlanningCaller(_channel, _org);
    }

    protected abstract TestDatabase Database { get; }

    public virtual async Task DisposeAsync()
    {
        _channel.Dispose();
        await _host.DisposeAsync();
    }

    public static TheoryData<string, string> InvalidActivities => new()
    {
        { "no-kind", "activity.kind" },
        { "year-too-early", "activity.planned_year" },
        { "quarter-five", "activity.planned_quarter" },
        { "bad-done-date", "activity.done_on" },
        { "link-without-done", "activity.done_by" },
        { "link-without-kind", "activity.done_by.kind" },
        { "phone-in-title", "activity.title" },
        { "bad-area", "activity.content_area_id" },
        { "no-organisation", "activity.organisation_code" },
    };

    [Theory]
    [MemberData(nameof(InvalidActivities))]
    public async Task Invalid_activities_are_refused_naming_the_field_and_nothing_is_stored(string variant, string field)
    {
        var activity = Planned(QaActivityKind.DeepDive, ThisYear);
        switch (variant)
        {
            case "no-kind": activity.Kind = QaActivityKind.Unspecified; break;
            case "year-too-early": activity.PlannedYear = 1999; break;
            case "quarter-five": activity.PlannedQuarter = 5; break;
            case "bad-done-date": activity.DoneOn = "31/03/2026"; break;
            case "link-without-done": activity.DoneBy = new QaEvidenceLink { Kind = QaEvidenceKind.AuditProgramme, Id = "p-1" }; break;
            case "link-without-kind": activity.DoneOn = "2025-05-01"; activity.DoneBy = new QaEvidenceLink { Id = "p-1" }; break;
            case "phone-in-title": activity.Title = "Call 07700 900123 to book"; break;
            case "bad-area": activity.ContentAreaId = "neglect area"; break;
            case "no-organisation": activity.OrganisationCode = ""; break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => _qa.CreateAsync(activity));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field));
        Assert.Equal(0, await _host.QueryAsync(db => db.QaActivities.CountAsync(a => a.OrganisationCode == _org || a.OrganisationCode == _other)));
    }

    [Fact]
    public async Task An_activity_is_planned_then_recorded_as_done_by_an_audit_programme_listed_and_deleted()
    {
        var planned = await _qa.CreateAsync(Planned(QaActivityKind.DeepDive, ThisYear - 1, area: "neglect", quarter: 2));
        Assert.Equal("user-analyst-1", planned.UpdatedBy);
        Assert.Equal(QaCoverageState.Overdue, (await _qa.CoverageAsync(_org)).Rows.Single(r => r.ContentAreaId == "neglect").Cells[0].State);

        var done = planned.Clone();
        done.DoneOn = (ThisYear - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-11-20";
        done.DoneBy = new QaEvidenceLink { Kind = QaEvidenceKind.AuditProgramme, Id = "programme-17" };
        var updated = await _qa.UpdateAsync(done);
        Assert.Equal(("programme-17", QaEvidenceKind.AuditProgramme), (updated.DoneBy.Id, updated.DoneBy.Kind));

        var stale = await Assert.ThrowsAsync<RpcException>(() => _qa.UpdateAsync(done));
        Assert.Equal(StatusCode.FailedPrecondition, stale.StatusCode);

        var coverage = await _qa.CoverageAsync(_org);
        Assert.Equal([ThisYear - 1, ThisYear, ThisYear + 1], coverage.Years);
        var cell = coverage.Rows.Single(r => r.ContentAreaId == "neglect").Cells[0];
        Assert.Equal((QaCoverageState.Done, "deep dive"), (cell.State, cell.Activities));
        Assert.DoesNotContain(coverage.Gaps, g => g.Kind == QaGapKind.Overdue);
        Assert.Contains(coverage.Gaps, g => g.Rule == "external-peer-review" && g.Kind == QaGapKind.NotCovered);

        var listed = await _qa.CallAsync<ListQaActivitiesRequest, ListQaActivitiesResponse>("ListQaActivities", new ListQaActivitiesRequest { OrganisationCode = _org, FromYear = ThisYear - 1, ToYear = ThisYear - 1 });
        Assert.Equal(updated.Id, Assert.Single(listed.Activities).Id);
        var later = await _qa.CallAsync<ListQaActivitiesRequest, ListQaActivitiesResponse>("ListQaActivities", new ListQaActivitiesRequest { OrganisationCode = _org, FromYear = ThisYear });
        Assert.Empty(later.Activities);

        await _qa.CallAsync<DeleteQaActivityRequest, DeleteQaActivityResponse>("DeleteQaActivity", new DeleteQaActivityRequest { Id = updated.Id, Etag = updated.Etag });
        Assert.Equal(0, await _host.QueryAsync(db => db.QaActivities.CountAsync(a => a.OrganisationCode == _org || a.OrganisationCode == _other)));
    }

    [Fact]
    public async Task Coverage_rows_follow_the_profiles_priority_content_areas()
    {
        await _host.Client.SetProfileAsync(new ReportingProfile
        {
            OrganisationCode = _org,
            Name = "Test partnership",
            Kind = OrganisationKind.Partnership,
            StrategicPriorities = { new StrategicPriority { Kind = PriorityKind.ThemedPriorityArea, Title = "Neglect", ContentAreaId = "neglect" } },
        });

        var coverage = await _qa.CoverageAsync(_org, firstYear: 2030);

        Assert.Equal(["neglect", ""], coverage.Rows.Select(r => r.ContentAreaId));
        Assert.True(coverage.Rows[0].Priority);
        var deepDive = coverage.Gaps.Single(g => g.Rule == "deep-dive");
        Assert.Equal(("neglect", 2030), (deepDive.ContentAreaId, deepDive.Year));
        Assert.Contains("for Neglect", deepDive.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafted_reports_show_the_timetable_as_it_stood_and_keep_it_when_the_timetable_changes()
    {
        await _host.Client.SetProfileAsync(new ReportingProfile
        {
            OrganisationCode = _org,
            Name = "Test partnership",
            Kind = OrganisationKind.Partnership,
            StrategicPriorities = { new StrategicPriority { Kind = PriorityKind.ThemedPriorityArea, Title = "Neglect", ContentAreaId = "neglect" } },
        });
        var review = await _qa.CreateAsync(Planned(QaActivityKind.ExternalPeerReview, 2024, quarter: 3));

        var quarterly = await _host.Client.GenerateQuarterlyAsync(_org, "2024-10/P3M");
        var book = await _host.Client.GenerateBookAsync(_org, "2024-04/P12M");
        await _qa.CallAsync<DeleteQaActivityRequest, DeleteQaActivityResponse>("DeleteQaActivity", new DeleteQaActivityRequest { Id = review.Id });

        var quarterlyHtml = (await _host.Client.HtmlAsync(quarterly.Id)).Content.ToStringUtf8();
        Assert.Contains("3.1 Quality assurance timetable and coverage", quarterlyHtml, StringComparison.Ordinal);
        Assert.Contains("External peer review was planned for Q3 2024/25 and is not recorded as done.", quarterlyHtml, StringComparison.Ordinal);
        Assert.Contains("No deep dive for Neglect is done or planned in 2023/24 to 2025/26", quarterlyHtml, StringComparison.Ordinal);
        var bookHtml = (await _host.Client.HtmlAsync(book.Id)).Content.ToStringUtf8();
        Assert.Contains("id=\"qa-timetable-activities\"", bookHtml, StringComparison.Ordinal);
        Assert.Contains("<td>Q3 2024/25</td><td>overdue</td>", bookHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_rules_replace_the_seeds()
    {
        await using var database = TestDatabase.Sqlite();
        await using var host = await ReportingHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Reporting:Timetable:Rules:0:Name"] = "inspection-every-four-years",
            ["Reporting:Timetable:Rules:0:Activities:0"] = "Inspection",
            ["Reporting:Timetable:Rules:0:EveryYears"] = "4",
            ["Reporting:Timetable:Rules:0:Scope"] = "Organisation",
        });
        using var channel = QaPlanningCaller.ChannelTo(host);
        var qa = new QaPlanningCaller(channel, _org);

        var coverage = await qa.CoverageAsync(_org);

        // The service's appsettings.json lists the seed's rules; configuration replaced the first (deep dives) with this one.
        var gap = Assert.Single(coverage.Gaps, g => g.Rule == "inspection-every-four-years");
        Assert.Equal("at least one inspection every 4 years", gap.RuleText);
        Assert.DoesNotContain(coverage.Gaps, g => g.Rule == "deep-dive");
    }

    [Fact]
    public async Task Another_organisations_activities_and_annotations_are_out_of_reach()
    {
        var theirs = await _qa.CreateAsync(new QaActivity { OrganisationCode = _other, Kind = QaActivityKind.Inspection, PlannedYear = ThisYear });
        var annotation = await _qa.AnnotateAsync(new ChartAnnotation { OrganisationCode = _other, OccurredOn = "2025-01-06", Text = "MASH launched" });

        var create = await Assert.ThrowsAsync<RpcException>(() => _qa.CreateAsync(new QaActivity { OrganisationCode = _other, Kind = QaActivityKind.Inspection, PlannedYear = ThisYear }, _org));
        Assert.Equal(StatusCode.PermissionDenied, create.StatusCode);
        var moved = theirs.Clone();
        moved.OrganisationCode = _org;
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => _qa.UpdateAsync(moved, _org))).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            _qa.CallAsync<DeleteQaActivityRequest, DeleteQaActivityResponse>("DeleteQaActivity", new DeleteQaActivityRequest { Id = theirs.Id }, _org))).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            _qa.CallAsync<DeleteChartAnnotationRequest, DeleteChartAnnotationResponse>("DeleteChartAnnotation", new DeleteChartAnnotationRequest { Id = annotation.Id }, _org))).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => _qa.CoverageAsync(_other, target: _org))).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() =>
            _qa.CallAsync<ListChartAnnotationsRequest, ListChartAnnotationsResponse>("ListChartAnnotations", new ListChartAnnotationsRequest { OrganisationCode = _other }, _org))).StatusCode);

        Assert.Equal(1, await _host.QueryAsync(db => db.QaActivities.CountAsync(a => a.OrganisationCode == _org || a.OrganisationCode == _other)));
        Assert.Equal(1, await _host.QueryAsync(db => db.ChartAnnotations.CountAsync(a => a.OrganisationCode == _org || a.OrganisationCode == _other)));
        Assert.Equal(_org, (await _qa.CoverageAsync(_org, target: _org)).OrganisationCode);
    }

    [Fact]
    public async Task Annotations_are_entered_once_listed_oldest_first_checked_for_personal_details_and_deleted()
    {
        var later = await _qa.AnnotateAsync(new ChartAnnotation { OrganisationCode = _org, OccurredOn = "2025-09-01", Text = "New threshold document", ContentAreaIds = { "neglect" } });
        var earlier = await _qa.AnnotateAsync(new ChartAnnotation { OrganisationCode = _org, OccurredOn = "2025-01-06", Text = "MASH launched", MeasureIds = { "m-1", "m-2" } });

        var listed = await _qa.CallAsync<ListChartAnnotationsRequest, ListChartAnnotationsResponse>("ListChartAnnotations", new ListChartAnnotationsRequest { OrganisationCode = _org });
        Assert.Equal([earlier.Id, later.Id], listed.Annotations.Select(a => a.Id));
        Assert.Equal(["m-1", "m-2"], listed.Annotations[0].MeasureIds);
        Assert.Equal(["neglect"], listed.Annotations[1].ContentAreaIds);

        var email = await Assert.ThrowsAsync<RpcException>(() => _qa.AnnotateAsync(new ChartAnnotation { OrganisationCode = _org, OccurredOn = "2025-02-01", Text = "Ask jo.bloggs@example.org" }));
        Assert.Equal("annotation.text", Assert.Single(email.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
        var bad = await Assert.ThrowsAsync<RpcException>(() => _qa.AnnotateAsync(new ChartAnnotation { OrganisationCode = _org, OccurredOn = "2025-02-30", Text = new string('x', 121), MeasureIds = { "bad id" } }));
        Assert.Equal(["annotation.occurred_on", "annotation.text", "annotation.measure_ids[0]"], bad.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field));

        await _qa.CallAsync<DeleteChartAnnotationRequest, DeleteChartAnnotationResponse>("DeleteChartAnnotation", new DeleteChartAnnotationRequest { Id = earlier.Id });
        Assert.Equal(1, await _host.QueryAsync(db => db.ChartAnnotations.CountAsync(a => a.OrganisationCode == _org || a.OrganisationCode == _other)));
    }

    private QaActivity Planned(QaActivityKind kind, int year, string area = "", int quarter = 0) =>
        new() { OrganisationCode = _org, Kind = kind, PlannedYear = year, PlannedQuarter = quarter, ContentAreaId = area };
}

public sealed class SqliteQaPlanningTests : QaPlanningTests
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
public sealed class PostgresQaPlanningTests(PostgresClassDatabase postgres) : QaPlanningTests, IClassFixture<PostgresClassDatabase>
{
    protected override TestDatabase Database => postgres.Database;
}
