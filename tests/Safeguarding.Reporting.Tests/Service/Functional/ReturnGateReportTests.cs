using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.V1;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Events;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;
using MeasureUnit = Safeguarding.Measures.V1.MeasureUnit;
using Polarity = Safeguarding.Measures.V1.Polarity;
using PriorityKind = Safeguarding.Reporting.V1.PriorityKind;
using ReturnTimeliness = Safeguarding.Reporting.Documents.ReturnTimeliness;
using SeriesPoint = Safeguarding.Reporting.Documents.SeriesPoint;
using StrategicPriority = Safeguarding.Reporting.V1.StrategicPriority;
using static Safeguarding.Reporting.Tests.Service.Support.MeasuresEvents;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>
/// A partnership's report leaves out an agency's figures under the London common dataset until the agency's return
/// is submitted, and says so; its own and submitted agencies' figures show, and the returns read model rebuilds.
/// </summary>
public abstract class ReturnGateReportTests : IAsyncLifetime
{
    private const string Quarter = "2026-01/P3M";
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private ReportingHost _host = null!;
    private int _expectedReceived;

    private string Partnership => "p-" + _suffix;

    private string Police => "police-" + _suffix;

    private string Health => "health-" + _suffix;

    private string Region => "r-" + _suffix;

    // A partnership measure adopted from the library measure the London common dataset names.
    private string Referrals => Partnership + ".referrals";

    protected abstract TestDatabase Database { get; }

    public async Task InitializeAsync()
    {
        _host = await ReportingHost.StartAsync(Database);
        // PostgreSQL's database is shared by the class's tests: wait for this test's events, not a total.
        _expectedReceived = await _host.QueryAsync(db => db.ReceivedEvents.CountAsync());
        var client = _host.Client;
        await client.SetProfileAsync(new ReportingProfile { OrganisationCode = Region, Name = "Fictional Region", Kind = Reporting.V1.OrganisationKind.Region });
        var profile = new ReportingProfile { OrganisationCode = Partnership, Name = "Northbridge Partnership", Kind = Reporting.V1.OrganisationKind.Partnership, ParentCode = Region };
        profile.StrategicPriorities.Add(new StrategicPriority { Kind = PriorityKind.ThemedPriorityArea, Title = "Front door", ContentAreaId = "front-door" });
        await client.SetProfileAsync(profile);
        await client.SetProfileAsync(new ReportingProfile { OrganisationCode = Police, Name = "Northbridge Police", Kind = Reporting.V1.OrganisationKind.Agency, ParentCode = Partnership });
        await client.SetProfileAsync(new ReportingProfile { OrganisationCode = Health, Name = "Northbridge Health", Kind = Reporting.V1.OrganisationKind.Agency, ParentCode = Partnership });

        var measure = Measure(Referrals, "Referrals to children's social care", "front-door", InformationType.Quantity, MeasureUnit.Count, Polarity.Neither, owner: Partnership);
        measure.LibraryMeasureId = "front-door-services-measure-1";
        await PublishAsync(ReportingTopics.MeasureDefined, new MeasureDefined { Measure = measure }, Partnership);
        foreach (var (agency, amount) in new[] { (Police, 100), (Health, 10) })
        {
            // December 2025: before the first quarter anyone returned, so never held back (ADR 0024).
            await PublishAsync(ReportingTopics.ObservationRecorded, Count($"{agency}-0", agency, Referrals, "2025-12/P1M", amount, Epoch), agency);
            for (var month = 1; month <= 3; month++)
            {
                var period = $"2026-{month:00}/P1M";
                await PublishAsync(ReportingTopics.ObservationRecorded, Count($"{agency}-{month}", agency, Referrals, period, amount + month, Epoch), agency);
            }
        }

        await PublishAsync(ReportingTopics.ReturnSubmitted, Submitted(Health, new DateTime(2026, 4, 20, 9, 0, 0, DateTimeKind.Utc)), Health);
        await _host.WaitForReceivedAsync(_expectedReceived);
    }

    public virtual async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_agencys_figures_stay_out_of_the_partnerships_report_until_its_return_is_submitted_and_the_report_says_so()
    {
        var before = await DraftQuarterlyAsync();
        Assert.Contains("Northbridge Police's return for January to March 2026 is not yet submitted: its figures are not included.", before.EvidenceAvailable);
        Assert.DoesNotContain(before.EvidenceAvailable, line => line.Contains("Northbridge Health", StringComparison.Ordinal));
        // The partnership's total would be a partial sum without the police's figures: it is not available instead.
        var held = Points(before);
        Assert.All(held, p => Assert.Equal(PointState.NotAvailable, p.State));
        Assert.All(held, p => Assert.Null(p.Value));
        Assert.Equal(110.0, before.Performance.Measures.Single(m => m.Measure.Id == Referrals).Trend.Points.Single(p => p.Label == "Dec 2025").Value);

        await PublishAsync(ReportingTopics.ReturnSubmitted, Submitted(Police, new DateTime(2026, 5, 2, 9, 0, 0, DateTimeKind.Utc), late: true), Police);
        await _host.WaitForReceivedAsync(_expectedReceived);

        var after = await DraftQuarterlyAsync();
        Assert.DoesNotContain(after.EvidenceAvailable, line => line.Contains("not included", StringComparison.Ordinal));
        Assert.Equal([112.0, 114.0, 116.0], Points(after).Select(p => p.Value));
    }

    [Fact]
    public async Task The_upkeep_section_counts_each_agencys_returns_on_time_late_and_missing_and_names_what_was_held_back()
    {
        var before = (await DraftQuarterlyAsync()).Upkeep!;
        Assert.Equal(["Northbridge Police's return for January to March 2026 is not yet submitted: its figures are not included."], before.HeldBack);

        await PublishAsync(ReportingTopics.ReturnSubmitted, Submitted(Police, new DateTime(2026, 5, 2, 9, 0, 0, DateTimeKind.Utc), late: true), Police);
        await _host.WaitForReceivedAsync(_expectedReceived);
        var upkeep = (await DraftQuarterlyAsync()).Upkeep!;

        // The partnership records nothing itself: nothing is expected of it; each agency is judged on its own returns and figures.
        Assert.Equal(["Northbridge Partnership", "Northbridge Health", "Northbridge Police"], upkeep.Organisations.Select(o => o.Name));
        Assert.Null(upkeep.Organisations[0].Score);
        var (health, police) = (upkeep.Organisations[1], upkeep.Organisations[2]);
        Assert.Equal(ReturnTimeliness.OnTime, health.Returns.Single(r => r.Period == "January to March 2026").Timeliness);
        Assert.Equal(ReturnTimeliness.Late, police.Returns.Single(r => r.Period == "January to March 2026").Timeliness);
        // Returns are in force from the first quarter anyone returned (ADR 0024): earlier quarters are neither expected nor held back.
        Assert.Equal(["January to March 2026"], police.Returns.Select(r => r.Period));
        Assert.Contains("The return for January to March 2026 (London common safeguarding dataset) arrived late: received 2 May 2026, due 28 April 2026.", police.Missing);
        Assert.Equal(1, police.MeasuresInUse);
        Assert.Contains("Referrals to children's social care: no target or forecast set.", police.Missing);
        Assert.Empty(upkeep.HeldBack);
    }

    [Fact]
    public async Task A_reopened_return_holds_the_figures_back_again_and_a_rebuild_gives_the_same_returns()
    {
        await PublishAsync(ReportingTopics.ReturnSubmitted, Submitted(Police, new DateTime(2026, 4, 21, 9, 0, 0, DateTimeKind.Utc)), Police);
        await PublishAsync(ReportingTopics.ReturnReopened, new ReturnReopened
        {
            Return = Ref(Police), ReopenedBy = "user-1", Reason = "a figure was wrong", FromState = "submitted", ToState = "open",
            ReopenedAt = Timestamp.FromDateTime(new DateTime(2026, 4, 22, 9, 0, 0, DateTimeKind.Utc)),
        }, Police);
        await _host.WaitForReceivedAsync(_expectedReceived);

        var report = await DraftQuarterlyAsync();
        Assert.Contains("Northbridge Police's return for January to March 2026 is not yet submitted: its figures are not included.", report.EvidenceAvailable);

        var stored = await ReturnsAsync();
        await _host.Client.RebuildAsync();
        Assert.Equal(stored, await ReturnsAsync());
        Assert.Contains($"{Police}|Open|2026-04-21T09:00:00", stored);
        Assert.Contains($"{Health}|Submitted|2026-04-20T09:00:00", stored);
    }

    [Fact]
    public async Task The_registers_did_it_move_holds_back_the_same_figures_for_the_partnership_as_its_report_does()
    {
        var action = await _host.Actions.CreateAsync(new RegisterAction
        {
            OrganisationCode = Police, PartnershipCode = Partnership, Source = RegisterActionSource.Other, Description = "Review every repeat referral at the front door.",
            AgreedOn = "2026-03-01", DueOn = "2026-12-31", Status = RegisterActionStatus.InProgress, MeasureId = Referrals,
        }, Police);

        // The police see their own January and February figures in "before"; the partnership, whose report leaves them
        // out until the return is submitted, sees only what came before the first returned quarter, through the API too.
        var own = await _host.Actions.GetAsync(action.Id, Police);
        var partnerships = (await _host.Actions.ListAsync(Partnership, asOrganisation: Partnership)).Single(a => a.Id == action.Id);
        Assert.True(own.Movement.HasBefore, own.Movement.Text);
        Assert.NotEqual<double?>(own.Movement.Before, partnerships.Movement.HasBefore ? partnerships.Movement.Before : null);

        await PublishAsync(ReportingTopics.ReturnSubmitted, Submitted(Police, new DateTime(2026, 4, 21, 9, 0, 0, DateTimeKind.Utc)), Police);
        await _host.WaitForReceivedAsync(_expectedReceived);
        var submitted = (await _host.Actions.ListAsync(Partnership, asOrganisation: Partnership)).Single(a => a.Id == action.Id);
        Assert.Equal(own.Movement.Before, submitted.Movement.Before);
    }

    private async Task<List<string>> ReturnsAsync() =>
        [.. (await _host.QueryAsync(db => db.Returns.AsNoTracking().ToListAsync()))
            .OrderBy(r => r.OrganisationCode, StringComparer.Ordinal)
            .Select(r => r.OrganisationCode + "|" + r.State + "|" + r.FirstSubmittedAt?.ToString("s", System.Globalization.CultureInfo.InvariantCulture))];

    private List<SeriesPoint> Points(QuarterlyReport report) =>
        [.. report.Performance.Measures.Single(m => m.Measure.Id == Referrals).Trend.Points.Where(p => p.Label.EndsWith("2026", StringComparison.Ordinal))];

    private async Task<QuarterlyReport> DraftQuarterlyAsync()
    {
        var report = await _host.Client.GenerateQuarterlyAsync(Partnership, Quarter);
        return await _host.StoredDocumentAsync<QuarterlyReport>(report.Id);
    }

    private static ReturnRef Ref(string organisation) =>
        new() { OrganisationCode = organisation, DatasetId = "london-common", PeriodCode = Quarter, PeriodLabel = "Jan 2026 to Mar 2026" };

    private static ReturnSubmitted Submitted(string organisation, DateTime at, bool late = false) => new()
    {
        Return = Ref(organisation), SubmittedBy = "user-1", SubmittedAt = Timestamp.FromDateTime(at), DueOn = "2026-04-28", Late = late,
    };

    private async Task PublishAsync<T>(Safeguarding.Platform.Events.EventTopic<T> topic, T message, string subject)
        where T : Google.Protobuf.IMessage<T>, new()
    {
        await _host.PublishAsync(topic, message, subject);
        _expectedReceived++;
    }
}

public sealed class SqliteReturnGateReportTests : ReturnGateReportTests
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
public sealed class PostgresReturnGateReportTests(PostgresClassDatabase postgres) : ReturnGateReportTests, IClassFixture<PostgresClassDatabase>
{
    protected override TestDatabase Database => postgres.Database;
}
