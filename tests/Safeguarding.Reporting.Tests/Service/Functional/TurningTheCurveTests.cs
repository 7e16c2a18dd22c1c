using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>
/// Turning the Curve records over real gRPC: what people wrote is stored, the baseline is read from the figures and
/// the targets store when asked, the action plan is the register's actions made from the record, the QA timetable's
/// activity is marked done; bad input names its field and stores nothing; another organisation's records are out of reach.
/// </summary>
public abstract class TurningTheCurveTests : IAsyncLifetime
{
    private readonly FictionalPartnership _partnership = new();
    private ReportingHost _host = null!;
    private global::Grpc.Net.Client.GrpcChannel _channel = null!;
    private TurningTheCurveCaller _curves = null!;
    private QaPlanningCaller _qa = null!;

    protected abstract TestDatabase Database { get; }

    public async Task InitializeAsync()
    {
        _host = await ReportingHost.StartAsync(Database);
        _channel = QaPlanningCaller.ChannelTo(_host);
        _curves = new TurningTheCurveCaller(_channel, _partnership.Code);
        _qa = new QaPlanningCaller(_channel, _partnership.Code);
        // PostgreSQL's database is shared by the class's tests: wait for this test's events, not a total.
        var before = await _host.QueryAsync(db => db.ReceivedEvents.CountAsync());
        var published = await _partnership.PublishEvidenceAsync(_host);
        await _partnership.RecordNarrativeAsync(_host.Client);
        await _host.WaitForReceivedAsync(before + published);
    }

    public virtual async Task DisposeAsync()
    {
        _channel.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_record_reads_back_with_its_baseline_from_the_figures_and_targets_and_its_action_plan_from_the_register()
    {
        await SetTargetAsync("2025-03/P1M", target: 70, forecast: null);
        await SetTargetAsync("2025-05/P1M", target: null, forecast: 78);

        var created = await _curves.CreateAsync(Record(), target: _partnership.Code);

        Assert.Equal((FictionalPartnership.PlansClearTitle, "2025-02-14"), (created.MeasureTitle, created.HeldOn));
        // Apr 2023 to Mar 2025 from the figures, then April (nothing set) and May (the forecast) ahead.
        Assert.Equal(26, created.Baseline.Count);
        Assert.Equal(("Apr 2023", 60.0), (created.Baseline[0].Label, created.Baseline[0].Value));
        var march = created.Baseline.Single(p => p.Label == "Mar 2025");
        Assert.Equal((75.0, 70.0, false), (march.Value, march.Target, march.HasForecast));
        Assert.Equal(("May 2025", false, 78.0), (created.Baseline[^1].Label, created.Baseline[^1].HasValue, created.Baseline[^1].Forecast));
        Assert.Empty(created.Actions);

        await _curves.AddActionAsync(created.Id, PlanAction("Put the family's own words at the top of every plan.", "2025-03-01"), target: _partnership.Code);
        var read = await _curves.AddActionAsync(created.Id, PlanAction("Check new plans at the first core group.", "2025-02-20"), target: _partnership.Code);

        Assert.Equal(2, read.Actions.Count);
        Assert.All(read.Actions, a => Assert.Equal((RegisterActionSource.TurningTheCurve, created.Id, _partnership.PlansClear, _partnership.Code),
            (a.Source, a.SourceReference, a.MeasureId, a.OrganisationCode)));
        Assert.All(read.Actions, a => Assert.Equal(MovementVerdict.TooEarly, a.Movement.Verdict));
        Assert.Equal(2, (await _host.Actions.ListAsync(_partnership.Code)).Count(a => a.Source == RegisterActionSource.TurningTheCurve));
        Assert.Equal(read.Actions.Select(a => a.Id), (await _curves.GetAsync(created.Id, target: _partnership.Code)).Actions.Select(a => a.Id));

        // The record keeps only what people wrote: no figures, targets or actions are copied into it.
        var body = await _host.QueryAsync(db => db.CurveRecords.AsNoTracking().Where(r => r.Id == created.Id).Select(r => r.Body).SingleAsync());
        Assert.DoesNotContain("baseline", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("actions", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Plans are written for the conference", body, StringComparison.Ordinal);
        Assert.Equal([created.Id], (await _curves.ListAsync(_partnership.Code, target: _partnership.Code)).Select(r => r.Id));
    }

    [Fact]
    public async Task Linking_the_timetables_activity_marks_it_done_by_the_record_and_other_activities_are_refused()
    {
        var planned = await _qa.CreateAsync(new QaActivity { OrganisationCode = _partnership.Code, Kind = QaActivityKind.TurningTheCurve, PlannedYear = 2024, PlannedQuarter = 3, Title = "Clear plans" });
        var deepDive = await _qa.CreateAsync(new QaActivity { OrganisationCode = _partnership.Code, Kind = QaActivityKind.DeepDive, PlannedYear = 2024 });
        var theirs = await _qa.CreateAsync(new QaActivity { OrganisationCode = _partnership.Neighbour, Kind = QaActivityKind.TurningTheCurve, PlannedYear = 2024 });

        var wrongKind = Record();
        wrongKind.QaActivityId = deepDive.Id;
        var refused = await Assert.ThrowsAsync<RpcException>(() => _curves.CreateAsync(wrongKind, target: _partnership.Code));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("record.qa_activity_id", Violations(refused));
        var elsewhere = Record();
        elsewhere.QaActivityId = theirs.Id;
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => _curves.CreateAsync(elsewhere, target: _partnership.Code))).StatusCode);
        Assert.Equal(0, await _host.QueryAsync(db => db.CurveRecords.CountAsync(r => r.OrganisationCode == _partnership.Code)));

        var linked = Record();
        linked.QaActivityId = planned.Id;
        var created = await _curves.CreateAsync(linked, target: _partnership.Code);

        var activity = await _host.QueryAsync(db => db.QaActivities.AsNoTracking().SingleAsync(a => a.Id == planned.Id));
        Assert.Equal(("2025-02-14", QaEvidenceKind.TurningTheCurve, created.Id), (activity.DoneOn, activity.DoneByKind, activity.DoneById));
        Assert.Equal("", (await _host.QueryAsync(db => db.QaActivities.AsNoTracking().SingleAsync(a => a.Id == theirs.Id))).DoneOn);
        var coverage = await _qa.CoverageAsync(_partnership.Code, firstYear: 2024);
        Assert.DoesNotContain(coverage.Gaps, g => g.ActivityId == planned.Id);
    }

    [Fact]
    public async Task The_book_gives_the_record_its_own_sheet_from_the_register_and_the_quarter_mentions_it()
    {
        await SetTargetAsync("2025-05/P1M", target: null, forecast: 78);
        var record = await _curves.CreateAsync(Record(), target: _partnership.Code);
        await _curves.AddActionAsync(record.Id, PlanAction("Put the family's own words at the top of every plan.", "2025-03-01"), target: _partnership.Code);
        var old = Record();
        old.HeldOn = "2023-06-01";
        old.Title = "An earlier exercise with nothing left open";
        await _curves.CreateAsync(old, target: _partnership.Code);

        var bookReport = await _host.Client.GenerateBookAsync(_partnership.Code, "2024-04/P12M");
        var book = (Reporting.Documents.ReportBook)await DocumentAsync(bookReport.Id);

        var sheet = Assert.Single(book.TurningTheCurve);
        Assert.Equal((record.Id, "Clearer plans for children", FictionalPartnership.PlansClearTitle, new DateOnly(2025, 2, 14)), (sheet.RecordId, sheet.Title, sheet.MeasureTitle, sheet.HeldOn));
        // The baseline is the very trend the content area's sheet draws, forecast included: nothing is worked out twice.
        var drawn = book.Sheets.SelectMany(s => s.Measures).Single(m => m.Measure.Id == _partnership.PlansClear).Trend;
        Assert.Equal(drawn.Points, sheet.Baseline!.Points);
        Assert.Equal(drawn.Targets!.Ahead, sheet.Baseline.Targets!.Ahead);
        Assert.Equal(78, sheet.Baseline!.Targets!.Ahead[^1].Forecast);
        var action = Assert.Single(sheet.Actions);
        Assert.Equal(("Turning the Curve", Reporting.Documents.ActionStatus.InProgress), (action.Source, action.Status));
        Assert.StartsWith("Too early to tell", action.Movement, StringComparison.Ordinal);
        Assert.Equal(["Independent reviewing officers"], sheet.Partners.Where(p => !p.Partner.Contains("police", StringComparison.OrdinalIgnoreCase)).Select(p => p.Partner));

        var html = (await _host.Client.HtmlAsync(bookReport.Id)).Content.ToStringUtf8();
        Assert.Contains("T1. Turning the Curve: Clearer plans for children", html, StringComparison.Ordinal);
        Assert.Contains("Plans are written for the conference", html, StringComparison.Ordinal);

        var quarterReport = await _host.Client.GenerateQuarterlyAsync(_partnership.Code, "2025-01/P3M");
        var quarterly = (Reporting.Documents.QuarterlyReport)await DocumentAsync(quarterReport.Id);
        Assert.Contains("Turning the Curve on \u201c" + FictionalPartnership.PlansClearTitle, (await _host.Client.HtmlAsync(quarterReport.Id)).Content.ToStringUtf8(), StringComparison.Ordinal);
        Assert.Equal(
            "Turning the Curve on \u201c" + FictionalPartnership.PlansClearTitle + "\u201d, held on 14 February 2025: 1 action in its plan, 0 completed, 1 overdue. The baseline, the story behind it, partners and what works are on its sheet in the Report Book.",
            Assert.Single(quarterly.ActionsRegister!.TurningTheCurve));
    }

    public static TheoryData<string, string> InvalidRecords => new()
    {
        { "future", "record.held_on" },
        { "bad-date", "record.held_on" },
        { "unknown-measure", "record.measure_id" },
        { "phone-in-story", "record.story" },
        { "force-without-direction", "record.forces[0].direction" },
        { "partner-without-name", "record.partners[2].role" },
        { "email-in-contribution", "record.partners[0].contribution" },
        { "idea-without-kind", "record.what_works[0].kind" },
        { "empty-idea", "record.what_works[2].text" },
        { "bad-activity-id", "record.qa_activity_id" },
    };

    [Theory]
    [MemberData(nameof(InvalidRecords))]
    public async Task Invalid_records_are_refused_naming_the_field_and_nothing_is_stored(string variant, string field)
    {
        var record = Record();
        switch (variant)
        {
            case "future": record.HeldOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture); break;
            case "bad-date": record.HeldOn = "14/02/2025"; break;
            case "unknown-measure": record.MeasureId = "no-such-measure"; break;
            case "phone-in-story": record.Story = "Ring 07700 900123 for the minutes."; break;
            case "force-without-direction": record.Forces[0].Direction = ForceDirection.Unspecified; break;
            case "partner-without-name": record.Partners.Add(new CurvePartner { Contribution = "Something useful." }); break;
            case "email-in-contribution": record.Partners[0].Contribution = "Write to j.bloggs@example.org"; break;
            case "idea-without-kind": record.WhatWorks[0].Kind = IdeaKind.Unspecified; break;
            case "empty-idea": record.WhatWorks.Add(new CurveIdea { Kind = IdeaKind.LowCost, Text = " " }); break;
            case "bad-activity-id": record.QaActivityId = "activity 1"; break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => _curves.CreateAsync(record, target: _partnership.Code));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, Violations(error));
        Assert.Equal(0, await _host.QueryAsync(db => db.CurveRecords.CountAsync(r => r.OrganisationCode == _partnership.Code)));
    }

    [Fact]
    public async Task An_organisation_writes_its_own_records_and_another_finds_nothing()
    {
        var created = await _curves.CreateAsync(Record(), target: _partnership.Code);
        var neighbour = new TurningTheCurveCaller(_channel, _partnership.Neighbour);

        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => neighbour.GetAsync(created.Id, target: _partnership.Neighbour))).StatusCode);
        var moved = created.Clone();
        moved.OrganisationCode = _partnership.Neighbour;
        moved.Story = "Rewritten by another partnership.";
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => neighbour.UpdateAsync(moved, target: _partnership.Neighbour))).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            neighbour.AddActionAsync(created.Id, PlanAction("Not theirs to add.", "2025-03-01"), target: _partnership.Neighbour))).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => neighbour.CreateAsync(Record(), target: _partnership.Neighbour))).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => neighbour.ListAsync(_partnership.Code, target: _partnership.Neighbour))).StatusCode);
        var heldElsewhere = PlanAction("Held for a partnership that is not ours.", "2025-03-01");
        heldElsewhere.PartnershipCode = _partnership.Neighbour;
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => _curves.AddActionAsync(created.Id, heldElsewhere, target: _partnership.Code))).StatusCode);

        var stored = await _curves.GetAsync(created.Id, target: _partnership.Code);
        Assert.Equal(Record().Story, stored.Story);
        Assert.Empty(stored.Actions);
        Assert.Equal(0, await _host.QueryAsync(db => db.RegisterActions.CountAsync(a => a.SourceReference == created.Id)));
    }

    [Fact]
    public async Task Updates_replace_what_was_written_refuse_a_stale_copy_and_keep_the_measure()
    {
        var created = await _curves.CreateAsync(Record(), target: _partnership.Code);
        var changed = created.Clone();
        changed.Story = "Plans are clearer since the new template.";
        changed.Forces.RemoveAt(0);

        var updated = await _curves.UpdateAsync(changed, target: _partnership.Code);

        Assert.Equal(("Plans are clearer since the new template.", 1), (updated.Story, updated.Forces.Count));
        Assert.NotEqual(created.Etag, updated.Etag);
        var stale = await Assert.ThrowsAsync<RpcException>(() => _curves.UpdateAsync(changed, target: _partnership.Code));
        Assert.Equal(StatusCode.FailedPrecondition, stale.StatusCode);
        var otherMeasure = updated.Clone();
        otherMeasure.MeasureId = _partnership.FeelSafer;
        Assert.Contains("record.measure_id", Violations(await Assert.ThrowsAsync<RpcException>(() => _curves.UpdateAsync(otherMeasure, target: _partnership.Code))));
        var missing = updated.Clone();
        missing.Id = Guid.NewGuid().ToString();
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => _curves.UpdateAsync(missing, target: _partnership.Code))).StatusCode);
    }

    private TurningTheCurve Record() => new()
    {
        OrganisationCode = _partnership.Code,
        MeasureId = _partnership.PlansClear,
        HeldOn = "2025-02-14",
        Title = "Clearer plans for children",
        Story = "Plans are written for the conference, not for the family; too many say what services will do rather than what should change.",
        Forces =
        {
            new StoryForce { Direction = ForceDirection.Hindering, Text = "High caseloads leave little time to write plans with families." },
            new StoryForce { Direction = ForceDirection.Helping, Text = "A new plan template agreed by all agencies." },
        },
        Partners =
        {
            new CurvePartner { OrganisationCode = _partnership.Code + "-police", Role = "Child protection conference attendance", Contribution = "Bring the family's account to the conference." },
            new CurvePartner { Role = "Independent reviewing officers", Contribution = "Challenge plans that do not say what should change." },
        },
        WhatWorks =
        {
            new CurveIdea { Kind = IdeaKind.EvidenceBased, Text = "Outcome-focused planning with the family.", Evidence = "Research in practice, 2023" },
            new CurveIdea { Kind = IdeaKind.LowCost, Text = "Read plans aloud with the family at the first core group." },
        },
    };

    private static RegisterAction PlanAction(string description, string agreedOn) => new()
    {
        Description = description, AgreedOn = agreedOn, DueOn = "2025-09-30", Status = RegisterActionStatus.InProgress, ContentAreaId = "neglect",
    };

    private Task<MeasureTarget> SetTargetAsync(string period, double? target, double? forecast)
    {
        var t = new MeasureTarget { OrganisationCode = _partnership.Code, MeasureId = _partnership.PlansClear, PeriodCode = period };
        if (target is { } v)
        {
            t.Target = v;
        }

        if (forecast is { } f)
        {
            t.Forecast = f;
        }

        return _qa.CallAsync<SetMeasureTargetRequest, MeasureTarget>("SetMeasureTarget", new SetMeasureTargetRequest { Target = t });
    }

    private Task<Reporting.Documents.ReportDocument> DocumentAsync(string id) => _host.StoredDocumentAsync<Reporting.Documents.ReportDocument>(id);

    private static List<string> Violations(RpcException e) =>
        [.. e.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field)];
}

public sealed class SqliteTurningTheCurveTests : TurningTheCurveTests
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
public sealed class PostgresTurningTheCurveTests(PostgresClassDatabase postgres) : TurningTheCurveTests, IClassFixture<PostgresClassDatabase>
{
    protected override TestDatabase Database => postgres.Database;
}
