using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Persistence;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.Tests.Service.Support;
using static Safeguarding.Reporting.Tests.Service.Support.MeasuresEvents;

namespace Safeguarding.Reporting.Tests.Service.ReadModels;

/// <summary>
/// The projections themselves: whatever order the same events are applied in (as redelivery and parallel
/// topics can reorder them), and whether one by one or in runs (as a rebuild applies them), the read model is the same.
/// </summary>
public sealed class ProjectionOrderTests
{
    private static readonly IReadModelProjection[] Projections =
        [new CatalogueProjection(), new ContentAreaProjection(), new ObservationProjection(), new EvidenceProjection()];

    [Fact]
    public async Task Any_order_one_by_one_or_in_runs_gives_the_same_read_model()
    {
        var events = History();
        var expected = await ApplyAsync(events, runs: false);

        var reversed = await ApplyAsync([.. Enumerable.Reverse(events)], runs: false);
        var shuffled = await ApplyAsync([.. events.OrderBy(e => e.EventId.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995)], runs: false);
        var inRuns = await ApplyAsync(events, runs: true);

        Assert.Equal(expected, reversed);
        Assert.Equal(expected, shuffled);
        Assert.Equal(expected, inRuns);
        Assert.Contains("\"ObservationId\":\"o-c\"", expected, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ObservationId\":\"o-a\",\"State\"", expected, StringComparison.Ordinal);
        Assert.Contains("Children who say they feel safer", expected, StringComparison.Ordinal);
        Assert.Contains("Adapted", expected, StringComparison.Ordinal);
    }

    private static List<ProjectedEvent> History()
    {
        var a = Fraction("o-a", "org", "m.safer", Month(0), 10, 50, Epoch);
        var b = Fraction("o-b", "org", "m.safer", Month(0), 20, 50, Epoch.AddDays(1), supersedes: "o-a");
        var c = Fraction("o-c", "org", "m.safer", Month(0), 30, 50, Epoch.AddDays(2), supersedes: "o-b");
        var batch = Batch("i-1", Epoch, [Fraction("o-d", "org", "m.safer", Month(1), 25, 50, Epoch), Fraction("o-e", "org", "m.safer", Month(2), 26, 50, Epoch)]);
        // Same key as o-d, recorded later, without a supersession link: the later one wins.
        var later = Fraction("o-f", "org", "m.safer", Month(1), 27, 50, Epoch.AddHours(5));
        IMessage[] messages =
        [
            new MeasureDefined { Measure = Measure("m.safer", "Children who feel safer", "neglect", InformationType.Outcome, MeasureUnit.Percentage, Polarity.HigherBetter) },
            new MeasureRevised { Measure = Measure("m.safer", "Children who say they feel safer", "neglect", InformationType.Outcome, MeasureUnit.Percentage, Polarity.HigherBetter, revision: 2) },
            new MeasureRetired { MeasureId = "m.safer", Version = 1, Reason = "replaced" },
            Area("org", "neglect", "Neglect", "First wording.", Epoch),
            Area("org", "neglect", "Neglect", "Adapted wording.", Epoch.AddHours(1)),
            a, b, c,
            Superseded(a, "o-b", Epoch.AddDays(1)),
            Superseded(b, "o-c", Epoch.AddDays(2)),
            batch, later,
            new ObservationsImported { ImportId = "i-1", MappingId = "generic", OrganisationCodes = { "org" } },
        ];
        return [.. messages.Select((m, i) => new ProjectedEvent(m, "event-" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), Epoch.AddMinutes(i)))];
    }

    private static async Task<string> ApplyAsync(IReadOnlyList<ProjectedEvent> events, bool runs)
    {
        await using var database = TestDatabase.Sqlite();
        var services = new ServiceCollection().AddLogging(l => l.ClearProviders())
            .AddPlatformPersistence<ReportingDbContext>(database.Options, ReportingDbContext.Migrations)
            .BuildServiceProvider();
        await using (services)
        {
            await services.MigrateDatabaseAsync<ReportingDbContext>();
            var groups = runs
                ? events.GroupBy(e => For(e).GetType()).Select(g => g.ToList())
                : events.Select(e => new List<ProjectedEvent> { e });
            foreach (var group in groups)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
                await For(group[0]).ApplyAsync(db, group, CancellationToken.None);
                await db.SaveChangesAsync();
            }

            await using var read = services.CreateAsyncScope();
            return await ReadModelDump.TakeAsync(read.ServiceProvider.GetRequiredService<ReportingDbContext>());
        }
    }

    private static IReadModelProjection For(ProjectedEvent projected) =>
        Projections.Single(p => p.EventTypes.Contains(projected.Message.Descriptor.FullName));
}
