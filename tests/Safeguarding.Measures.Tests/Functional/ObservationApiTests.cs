using System.Globalization;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Events;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>Observations over gRPC: record, identical retries, corrections that supersede, listing, series, and their events.</summary>
public abstract class ObservationApiTests(ServiceFixture service)
{
    private const string Barnet = "E09000003";

    private MeasuresService.MeasuresServiceClient Client => service.Client;

    [Fact]
    public async Task A_recorded_figure_is_current_a_retry_changes_nothing_and_a_different_one_must_be_a_correction()
    {
        var id = await DefineAsync(Definitions.Percentage(Calls.NewMeasureId()));
        var request = Record(id, Barnet, Definitions.Year(2024), Definitions.Proportion(120, 600));

        var recorded = await Client.RecordObservationAsync(request, Calls.As());
        Assert.Equal(RecordOutcome.Recorded, recorded.Outcome);
        Assert.True(recorded.Observation.Current);
        Assert.Equal(ProvenanceKind.ManualEntry, recorded.Observation.Provenance.Kind);
        Assert.Equal("analyst-1", recorded.Observation.Provenance.UserId);
        Assert.Equal("2023-24 financial year", recorded.Observation.Period.Label);

        var retried = await Client.RecordObservationAsync(request, Calls.As());
        Assert.Equal(RecordOutcome.AlreadyCurrent, retried.Outcome);
        Assert.Equal(recorded.Observation.Id, retried.Observation.Id);

        var different = Record(id, Barnet, Definitions.Year(2024), Definitions.Proportion(121, 600));
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => Client.RecordObservationAsync(different, Calls.As()).ResponseAsync);
        var listed = await Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = id });
        Assert.Equal(recorded.Observation.Id, Assert.Single(listed.Observations).Id);
    }

    [Fact]
    public async Task A_correction_supersedes_with_a_reason_and_the_history_is_kept()
    {
        var id = await DefineAsync(Definitions.Percentage(Calls.NewMeasureId()));
        var original = (await Client.RecordObservationAsync(Record(id, Barnet, Definitions.Year(2025), Definitions.Proportion(50, 400)), Calls.As())).Observation;

        var corrected = await Client.CorrectObservationAsync(new CorrectObservationRequest
        {
            ObservationId = original.Id,
            Value = Definitions.Proportion(52, 400),
            CorrectionReason = "two referrals were recorded late",
        }, Calls.As("analyst-2"));
        Assert.Equal(original.Id, corrected.SupersedesObservationId);
        Assert.Equal("two referrals were recorded late", corrected.CorrectionReason);
        Assert.Equal("analyst-2", corrected.Provenance.UserId);

        var current = await Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = id });
        Assert.Equal(corrected.Id, Assert.Single(current.Observations).Id);
        var all = await Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = id, IncludeSuperseded = true });
        Assert.Equal([original.Id, corrected.Id], all.Observations.Select(o => o.Id));
        Assert.Equal(corrected.Id, all.Observations[0].SupersededByObservationId);
        Assert.Equal("50", all.Observations[0].Value.Numerator);

        // The old one is history now; correcting it again is refused, and an unchanged figure is no correction.
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Client.CorrectObservationAsync(new CorrectObservationRequest { ObservationId = original.Id, Value = Definitions.Proportion(53, 400), CorrectionReason = "again" }, Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("value", () => Client.CorrectObservationAsync(new CorrectObservationRequest { ObservationId = corrected.Id, Value = Definitions.Proportion(52, 400), CorrectionReason = "same" }, Calls.As()).ResponseAsync);
    }

    [Fact]
    public async Task Withheld_states_are_kept_as_states_and_lists_page_and_filter()
    {
        var id = await DefineAsync(Definitions.MonthlyCount(Calls.NewMeasureId()));
        for (var month = 1; month <= 5; month++)
        {
            await Client.RecordObservationAsync(Record(id, Barnet, Definitions.Month(2024, month), Definitions.Count(10 + month)), Calls.As());
        }

        var suppressed = new ObservationValue { State = ObservationState.Suppressed, Reason = "fewer than five referrals" };
        var team = new Breakdown { Items = { new BreakdownItem { Dimension = "team", Value = "North" } } };
        var north = Record(id, Barnet, Definitions.Month(2024, 1), suppressed);
        north.Breakdown = team;
        var stored = (await Client.RecordObservationAsync(north, Calls.As())).Observation;
        Assert.Equal(ObservationState.Suppressed, stored.Value.State);
        Assert.Equal(string.Empty, stored.Value.Amount);
        Assert.Equal("team=North", stored.Breakdown.Key);

        var seen = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = id, BreakdownKey = "", PageSize = 2, PageToken = token });
            seen.AddRange(page.Observations.Select(o => o.Period.Code));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(["2024-01/P1M", "2024-02/P1M", "2024-03/P1M", "2024-04/P1M", "2024-05/P1M"], seen);
        var range = await Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = id, PeriodFrom = Definitions.Month(2024, 2), PeriodTo = Definitions.Month(2024, 3) });
        Assert.Equal(["2024-02/P1M", "2024-03/P1M"], range.Observations.Select(o => o.Period.Code));
        var byTeam = await Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = id, BreakdownKey = "team=North" });
        Assert.Equal(stored.Id, Assert.Single(byTeam.Observations).Id);
    }

    [Fact]
    public async Task A_series_has_values_intervals_for_samples_and_changes_judged_by_polarity()
    {
        var id = await DefineAsync(Definitions.SampledAudit(Calls.NewMeasureId()));
        var quarters = new[] { (2024, 1, 18, 30), (2024, 4, 24, 30), (2024, 7, 24, 30), (2025, 1, 12, 30) };
        foreach (var (year, month, focused, audited) in quarters)
        {
            var quarter = new Period { Granularity = PeriodGranularity.Quarter, StartYear = year, StartMonth = month };
            await Client.RecordObservationAsync(Record(id, Barnet, quarter, Definitions.Proportion(focused, audited)), Calls.As());
        }

        var series = await Client.GetSeriesAsync(new GetSeriesRequest { OrganisationCode = Barnet, MeasureId = id });

        Assert.Equal(["2024-01/P3M", "2024-04/P3M", "2024-07/P3M", "2025-01/P3M"], series.Points.Select(p => p.Period.Code));
        var second = series.Points[1];
        Assert.Equal(80m, decimal.Parse(second.Value, CultureInfo.InvariantCulture));
        Assert.InRange(decimal.Parse(second.Interval.Lower, CultureInfo.InvariantCulture), 60m, 80m);
        Assert.InRange(decimal.Parse(second.Interval.Upper, CultureInfo.InvariantCulture), 80m, 95m);
        Assert.Equal(ChangeDirection.Improving, second.ChangeFromPrevious.Direction); // 60% -> 80%, higher is better
        Assert.Equal(ChangeDirection.NoChange, series.Points[2].ChangeFromPrevious.Direction);
        Assert.Equal(ChangeDirection.Worsening, series.Points[3].ChangeYearOnYear.Direction); // 60% -> 40%
        Assert.Equal(ChangeDirection.NotComparable, series.Points[3].ChangeFromPrevious.Direction); // no Oct-Dec 2024
        Assert.NotEmpty(series.Points[3].ChangeFromPrevious.Reason);
    }

    [Fact]
    public async Task Every_observation_write_names_the_field_at_fault()
    {
        var id = await DefineAsync(Definitions.Percentage(Calls.NewMeasureId()));
        await RpcAssert.InvalidArgumentAsync("period", () => Client.RecordObservationAsync(Record(id, Barnet, null, Definitions.Proportion(1, 2)), Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("period", () => Client.RecordObservationAsync(Record(id, Barnet, Definitions.Month(2024, 1), Definitions.Proportion(1, 2)), Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("period.code", () => Client.RecordObservationAsync(Record(id, Barnet, new Period { Code = "last year" }, Definitions.Proportion(1, 2)), Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("value.numerator", () => Client.RecordObservationAsync(Record(id, Barnet, Definitions.Year(2024), Definitions.Proportion(3, 2)), Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("value.denominator", () => Client.RecordObservationAsync(Record(id, Barnet, Definitions.Year(2024), new ObservationValue { Numerator = "4" }), Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("value.numerator", () => Client.RecordObservationAsync(Record(id, Barnet, Definitions.Year(2024), new ObservationValue { Numerator = "four", Denominator = "5" }), Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("value.amount", () => Client.RecordObservationAsync(Record(id, Barnet, Definitions.Year(2024), new ObservationValue { Amount = "-3" }), Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("value.reason", () => Client.RecordObservationAsync(Record(id, Barnet, Definitions.Year(2024), new ObservationValue { State = ObservationState.Suppressed }), Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("value", () => Client.RecordObservationAsync(Record(id, Barnet, Definitions.Year(2024), null), Calls.As()).ResponseAsync);
        var unknownDimension = Record(id, Barnet, Definitions.Year(2024), Definitions.Proportion(1, 2));
        unknownDimension.Breakdown = new Breakdown { Items = { new BreakdownItem { Dimension = "team", Value = "North" } } };
        await RpcAssert.InvalidArgumentAsync("breakdown", () => Client.RecordObservationAsync(unknownDimension, Calls.As()).ResponseAsync);
        var badDimension = Record(id, Barnet, Definitions.Year(2024), Definitions.Proportion(1, 2));
        badDimension.Breakdown = new Breakdown { Items = { new BreakdownItem { Dimension = "Team!", Value = "North" } } };
        await RpcAssert.InvalidArgumentAsync("breakdown.items[0].dimension", () => Client.RecordObservationAsync(badDimension, Calls.As()).ResponseAsync);
        var audit = Record(id, Barnet, Definitions.Year(2024), Definitions.Proportion(1, 2));
        audit.Source = new ObservationSource { Kind = ProvenanceKind.Audit };
        await RpcAssert.InvalidArgumentAsync("source.reference", () => Client.RecordObservationAsync(audit, Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("organisation_code", () => Client.RecordObservationAsync(Record(id, "", Definitions.Year(2024), Definitions.Proportion(1, 2)), Calls.As()).ResponseAsync);

        await RpcAssert.InvalidArgumentAsync("observation_id", () => Client.CorrectObservationAsync(new CorrectObservationRequest { ObservationId = "42", Value = Definitions.Proportion(1, 2), CorrectionReason = "r" }, Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("correction_reason", () => Client.CorrectObservationAsync(new CorrectObservationRequest { ObservationId = Guid.NewGuid().ToString(), Value = Definitions.Proportion(1, 2) }, Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("period_from.code", () => Client.ListObservationsAsync(new ListObservationsRequest { PeriodFrom = new Period { Code = "?" } }).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("window", () => Client.GetBalanceOfInformationAsync(new GetBalanceOfInformationRequest { OrganisationCode = Barnet }).ResponseAsync);
    }

    [Fact]
    public async Task Unknown_organisations_measures_and_observations_are_not_found()
    {
        var id = await DefineAsync(Definitions.Percentage(Calls.NewMeasureId()));
        await RpcAssert.NotFoundAsync("organisation", () => Client.RecordObservationAsync(Record(id, "E09999999", Definitions.Year(2024), Definitions.Proportion(1, 2)), Calls.As()).ResponseAsync);
        await RpcAssert.NotFoundAsync("measure", () => Client.RecordObservationAsync(Record("no.such.measure", Barnet, Definitions.Year(2024), Definitions.Proportion(1, 2)), Calls.As()).ResponseAsync);
        var version9 = Record(id, Barnet, Definitions.Year(2024), Definitions.Proportion(1, 2));
        version9.MeasureVersion = 9;
        await RpcAssert.NotFoundAsync("measure version", () => Client.RecordObservationAsync(version9, Calls.As()).ResponseAsync);
        await RpcAssert.NotFoundAsync("observation", () => Client.CorrectObservationAsync(new CorrectObservationRequest { ObservationId = Guid.NewGuid().ToString(), Value = Definitions.Proportion(1, 2), CorrectionReason = "r" }, Calls.As()).ResponseAsync);
        await RpcAssert.NotFoundAsync("organisation", () => Client.GetSeriesAsync(new GetSeriesRequest { OrganisationCode = "E09999999", MeasureId = id }).ResponseAsync);
        await RpcAssert.NotFoundAsync("measure", () => Client.GetSeriesAsync(new GetSeriesRequest { OrganisationCode = Barnet, MeasureId = "no.such.measure" }).ResponseAsync);
        await RpcAssert.NotFoundAsync("organisation", () => Client.AggregateMeasureAsync(new AggregateMeasureRequest { MeasureId = id, OrganisationCodes = { Barnet, "E09999999" } }).ResponseAsync);
        await RpcAssert.NotFoundAsync("organisation", () => Client.GetBalanceOfInformationAsync(new GetBalanceOfInformationRequest { OrganisationCode = "E09999999", Window = Definitions.Year(2024) }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => Client.RecordObservationAsync(Record(id, Barnet, Definitions.Year(2024), Definitions.Proportion(1, 2)), Calls.Anonymous()).ResponseAsync);

        await Client.RetireMeasureAsync(new RetireMeasureRequest { MeasureId = id, Reason = "no longer collected" }, Calls.As());
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Client.RecordObservationAsync(Record(id, Barnet, Definitions.Year(2024), Definitions.Proportion(1, 2)), Calls.As()).ResponseAsync);
    }

    [Fact]
    public async Task A_recorded_figure_and_its_event_commit_together_and_a_subscriber_receives_it()
    {
        var id = await DefineAsync(Definitions.Percentage(Calls.NewMeasureId()));
        var received = new TaskCompletionSource<ObservationRecorded>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = await service.Transport.SubscribeAsync(MeasuresTopics.ObservationRecordedName, (cloudEvent, _) =>
        {
            var message = ProtoCloudEvents.ReadData<ObservationRecorded>(cloudEvent);
            if (message.MeasureId == id)
            {
                received.TrySetResult(message);
            }

            return Task.FromResult(DeliveryOutcome.Success);
        });

        var recorded = (await Client.RecordObservationAsync(Record(id, Barnet, Definitions.Year(2023), Definitions.Proportion(7, 70)), Calls.As())).Observation;
        var outbox = (await service.OutboxAsync(MeasuresTopics.ObservationRecordedName)).Where(m => m.Envelope.Contains(recorded.Id, StringComparison.Ordinal)).ToList();
        Assert.Equal(Barnet, Assert.Single(outbox).Subject);

        // A refused write leaves no event behind.
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => Client.RecordObservationAsync(Record(id, Barnet, Definitions.Year(2023), Definitions.Proportion(8, 70)), Calls.As()).ResponseAsync);
        Assert.DoesNotContain(await service.OutboxAsync(MeasuresTopics.ObservationRecordedName), m => m.Envelope.Contains("\"numerator\":\"8\"", StringComparison.Ordinal) && m.Envelope.Contains(id, StringComparison.Ordinal));

        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(recorded.Id, message.ObservationId);
        Assert.Equal((Barnet, 1, "2022-04/P12M", "2022-23 financial year"), (message.OrganisationCode, message.MeasureVersion, message.PeriodCode, message.PeriodLabel));
        Assert.Equal(("7", "70", ObservationState.Value), (message.Value.Numerator, message.Value.Denominator, message.Value.State));
        Assert.Equal(ProvenanceKind.ManualEntry, message.ProvenanceKind);
        Assert.DoesNotContain("analyst-1", (await service.OutboxAsync(MeasuresTopics.ObservationRecordedName)).Single(m => m.Envelope.Contains(recorded.Id, StringComparison.Ordinal)).Envelope, StringComparison.Ordinal);
    }

    private async Task<string> DefineAsync(MeasureDefinition definition) =>
        (await Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = definition }, Calls.As())).Definition.Id;

    private static RecordObservationRequest Record(string measureId, string organisation, Period? period, ObservationValue? value) => new()
    {
        MeasureId = measureId,
        OrganisationCode = organisation,
        Period = period,
        Value = value,
    };
}

public sealed class SqliteObservationApiTests(SqliteServiceFixture service) : ObservationApiTests(service), IClassFixture<SqliteServiceFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresObservationApiTests(PostgresServiceFixture service) : ObservationApiTests(service), IClassFixture<PostgresServiceFixture>;
