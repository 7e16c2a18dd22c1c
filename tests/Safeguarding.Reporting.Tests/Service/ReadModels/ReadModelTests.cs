using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Events;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Events;
using Safeguarding.Reporting.Tests.Service.Support;
using static Safeguarding.Reporting.Tests.Service.Support.MeasuresEvents;

namespace Safeguarding.Reporting.Tests.Service.ReadModels;

/// <summary>
/// Read models built from measures events through the real service (in-process transport, inbox): duplicates
/// apply once, reordered and corrected figures settle on the latest, and a rebuild reproduces them exactly.
/// </summary>
public abstract class ReadModelTests : IAsyncLifetime
{
    private ReportingHost _host = null!;

    protected abstract TestDatabase Database { get; }

    public async Task InitializeAsync() => _host = await ReportingHost.StartAsync(Database);

    public virtual async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_same_event_delivered_twice_changes_the_read_model_once()
    {
        var org = NewOrganisation();
        var measure = org + ".seen-alone";
        var first = Fraction(org + "-o1", org, measure, Month(0), 40, 50, Epoch);
        var cloudEvent = ProtoCloudEvents.Create(first, "/safeguarding/measures", org, DateTimeOffset.UtcNow);
        var before = await _host.QueryAsync(db => db.ReceivedEvents.CountAsync());

        await _host.PublishAsync(ReportingTopics.ObservationRecorded.Name, cloudEvent);
        await _host.PublishAsync(ReportingTopics.ObservationRecorded.Name, cloudEvent);
        // Queues keep order: once the next event is applied, the duplicate before it has been handled.
        await _host.PublishAsync(ReportingTopics.ObservationRecorded, Fraction(org + "-o2", org, measure, Month(1), 41, 50, Epoch), org);
        await _host.WaitForReceivedAsync(before + 2);

        var (received, rows) = await _host.QueryAsync(async db => (
            await db.ReceivedEvents.CountAsync(e => e.Subject == org),
            await db.Observations.Where(o => o.OrganisationCode == org).OrderBy(o => o.PeriodStart).ToListAsync()));
        Assert.Equal(2, received);
        Assert.Equal([org + "-o1", org + "-o2"], rows.Select(r => r.ObservationId));
        Assert.Equal(40m, rows[0].Numerator);
    }

    [Fact]
    public async Task Corrections_arriving_out_of_order_leave_the_latest_figure_current()
    {
        var org = NewOrganisation();
        var measure = org + ".seen-alone";
        var original = Fraction(org + "-a", org, measure, Month(0), 10, 50, Epoch);
        var correction = Fraction(org + "-b", org, measure, Month(0), 30, 50, Epoch.AddDays(1), supersedes: original.ObservationId);
        var before = await _host.QueryAsync(db => db.ReceivedEvents.CountAsync());

        // The correction and the retirement of the original arrive before the original itself.
        await _host.PublishAsync(ReportingTopics.ObservationSuperseded, Superseded(original, correction.ObservationId, Epoch.AddDays(1)), org);
        await _host.PublishAsync(ReportingTopics.ObservationRecorded, correction, org);
        await _host.PublishAsync(ReportingTopics.ObservationRecorded, original, org);
        await _host.WaitForReceivedAsync(before + 3);

        var rows = await _host.QueryAsync(db => db.Observations.Where(o => o.OrganisationCode == org).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(correction.ObservationId, row.ObservationId);
        Assert.Equal(30m, row.Numerator);
        Assert.True(await _host.QueryAsync(db => db.SupersededObservations.AnyAsync(s => s.ObservationId == original.ObservationId)));
    }

    [Fact]
    public async Task A_superseded_figure_without_its_replacement_yet_leaves_the_key_empty_until_it_arrives()
    {
        var org = NewOrganisation();
        var measure = org + ".visits";
        var original = Count(org + "-a", org, measure, Month(0), 12, Epoch);
        var before = await _host.QueryAsync(db => db.ReceivedEvents.CountAsync());
        await _host.PublishAsync(ReportingTopics.ObservationRecorded, original, org);
        await _host.PublishAsync(ReportingTopics.ObservationRecorded, Count(org + "-x", org, measure, Month(1), 7, Epoch), org);
        await _host.WaitForReceivedAsync(before + 2);

        await _host.PublishAsync(ReportingTopics.ObservationSuperseded, Superseded(original, org + "-b", Epoch.AddDays(1)), org);
        await _host.WaitForReceivedAsync(before + 3);
        Assert.Equal([Month(1)], await _host.QueryAsync(db => db.Observations.Where(o => o.OrganisationCode == org).Select(o => o.PeriodCode).ToListAsync()));

        var replacement = Count(org + "-b", org, measure, Month(0), 14, Epoch.AddDays(1));
        replacement.SupersedesObservationId = original.ObservationId;
        await _host.PublishAsync(ReportingTopics.ObservationRecorded, replacement, org);
        await _host.WaitForReceivedAsync(before + 4);
        var current = await _host.QueryAsync(db => db.Observations.SingleAsync(o => o.OrganisationCode == org && o.PeriodCode == Month(0)));
        Assert.Equal(14m, current.Amount);
    }

    [Fact]
    public async Task A_rebuild_replays_every_received_event_into_identical_read_models()
    {
        var org = NewOrganisation();
        var before = await _host.QueryAsync(db => db.ReceivedEvents.CountAsync());
        var published = await PublishHistoryAsync(org);
        await _host.WaitForReceivedAsync(before + published);
        var live = await _host.QueryAsync(ReadModelDump.TakeAsync);

        var result = await _host.Client.RebuildAsync();

        var rebuilt = await _host.QueryAsync(ReadModelDump.TakeAsync);
        Assert.Equal(live, rebuilt);
        Assert.Equal(before + published, result.EventsReplayed);
        Assert.Equal(await _host.QueryAsync(db => db.Observations.LongCountAsync()), result.CurrentObservations);
        Assert.Contains(org + ".outcome", rebuilt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_operators_may_rebuild()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Client.RebuildAsync(ReportingClient.Analyst));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    protected static string NewOrganisation() => "org-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Definitions, a revision and a new version, content areas, single and batched figures, a correction and an import.</summary>
    private async Task<int> PublishHistoryAsync(string org)
    {
        var outcome = org + ".outcome";
        var count = org + ".count";
        var events = 0;
        async Task Publish<T>(EventTopic<T> topic, T message)
            where T : Google.Protobuf.IMessage<T>, new()
        {
            await _host.PublishAsync(topic, message, org);
            events++;
        }

        await Publish(ReportingTopics.MeasureDefined, new() { Measure = Measure(outcome, "Children who feel safer", "neglect", InformationType.Outcome, MeasureUnit.Percentage, Polarity.HigherBetter, Sampling.Sample, owner: org) });
        await Publish(ReportingTopics.MeasureRevised, new() { Measure = Measure(outcome, "Children who say they feel safer", "neglect", InformationType.Outcome, MeasureUnit.Percentage, Polarity.HigherBetter, Sampling.Sample, revision: 2, owner: org) });
        await Publish(ReportingTopics.MeasureDefined, new() { Measure = Measure(count, "Referrals", "front-door", InformationType.Quantity, MeasureUnit.Count, Polarity.Neither, owner: org) });
        await Publish(ReportingTopics.MeasureVersioned, new() { Measure = Measure(count, "Referrals", "front-door", InformationType.Quantity, MeasureUnit.Count, Polarity.Neither, version: 2, owner: org), PreviousVersion = 1 });
        await Publish(ReportingTopics.MeasureRetired, new() { MeasureId = count, Version = 1, Reason = "new definition" });
        await Publish(ReportingTopics.ContentAreaChanged, Area(org, "neglect", "Neglect", "Neglect is the most common reason for a plan.", Epoch));
        await Publish(ReportingTopics.ContentAreaChanged, Area(org, "neglect", "Neglect (adapted)", "Adapted wording.", Epoch.AddHours(1)));
        await Publish(ReportingTopics.ObservationBatchRecorded,
            Batch(org + "-import", Epoch, Enumerable.Range(0, 12).Select(m => Fraction($"{org}-b{m}", org, outcome, Month(m), 30 + m, 50, Epoch))));
        await Publish(ReportingTopics.ObservationsImported, new() { ImportId = org + "-import", MappingId = "generic-monthly", ObservationsRecorded = 12, OrganisationCodes = { org } });
        var original = Count(org + "-c0", org, count, Month(0), 100, Epoch, version: 2);
        await Publish(ReportingTopics.ObservationRecorded, original);
        var corrected = Count(org + "-c1", org, count, Month(0), 104, Epoch.AddDays(2), version: 2);
        corrected.SupersedesObservationId = original.ObservationId;
        await Publish(ReportingTopics.ObservationRecorded, corrected);
        await Publish(ReportingTopics.ObservationSuperseded, Superseded(original, corrected.ObservationId, Epoch.AddDays(2)));
        await Publish(ReportingTopics.ObservationRecorded, Withheld(org + "-w", org, outcome, Month(12), Epoch));
        return events;
    }
}

public sealed class SqliteReadModelTests : ReadModelTests
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
public sealed class PostgresReadModelTests(PostgresClassDatabase postgres) : ReadModelTests, IClassFixture<PostgresClassDatabase>
{
    protected override TestDatabase Database => postgres.Database;
}
