using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.V1;

namespace Safeguarding.Reporting.Tests.Service.Support;

/// <summary>Fictional measures events, shaped as the measures service publishes them. No real organisation or person.</summary>
public static class MeasuresEvents
{
    public static readonly DateTime Epoch = new(2025, 5, 1, 9, 0, 0, DateTimeKind.Utc);

    public static Measure Measure(
        string id, string title, string contentArea, InformationType type, MeasureUnit unit, Polarity polarity,
        Sampling sampling = Sampling.WholePopulation, Source source = Source.CaseRecords, int version = 1, int revision = 1, string owner = "owner")
    {
        var definition = new MeasureDefinition
        {
            Id = id,
            Title = title,
            ContentAreaId = contentArea,
            Type = type,
            Source = source,
            Method = sampling == Sampling.Sample ? CollectionMethod.CaseAudit : CollectionMethod.ManagementInformation,
            Unit = unit,
            NumeratorDefinition = "children counted",
            DenominatorDefinition = unit == MeasureUnit.Count ? "" : "children in scope",
            Polarity = polarity,
            Frequency = Frequency.Monthly,
            Sampling = sampling,
        };
        return new Measure
        {
            Definition = definition,
            Version = version,
            Revision = revision,
            MeaningHash = "hash-" + id + "-" + version.ToString(CultureInfo.InvariantCulture),
            OwnerOrganisationCode = owner,
            ChangedAt = Timestamp.FromDateTime(Epoch.AddMinutes(revision + (version * 10))),
        };
    }

    public static ContentAreaChanged Area(string organisation, string id, string title, string whyItMatters, DateTime updatedAt, string group = "practice")
    {
        var area = new ContentArea
        {
            OrganisationCode = organisation,
            Id = id,
            LibraryContentAreaId = id,
            Group = group,
            Title = title,
            WhyItMatters = whyItMatters,
            Status = ContentAreaStatus.Active,
            UpdatedAt = Timestamp.FromDateTime(updatedAt),
        };
        area.GoodStatements.Add(new ContentAreaStatement { Id = id + "-good-1", Type = InformationType.Outcome, Text = "Children say they feel safer." });
        area.GoodStatements.Add(new ContentAreaStatement { Id = id + "-good-2", Type = InformationType.Quality, Text = "Plans say what should change, and by when." });
        area.GoodStatements.Add(new ContentAreaStatement { Id = id + "-good-3", Type = InformationType.Quality, Text = "A retired statement.", Retired = true });
        area.ScrutinyQuestions.Add(new ContentAreaQuestion { Id = id + "-question-1", Text = "How do we know we are making a difference?" });
        return new ContentAreaChanged { ContentArea = area, Change = ContentAreaChange.Adopted };
    }

    public static ObservationRecorded Fraction(
        string id, string organisation, string measure, string periodCode, long numerator, long denominator, DateTime recordedAt,
        int version = 1, string breakdownKey = "", string supersedes = "", ProvenanceKind provenance = ProvenanceKind.ManualEntry, string reference = "")
    {
        var observation = Observation(id, organisation, measure, periodCode, recordedAt, version, breakdownKey, supersedes, provenance, reference);
        observation.Value = new ObservationValue
        {
            State = ObservationState.Value,
            Numerator = numerator.ToString(CultureInfo.InvariantCulture),
            Denominator = denominator.ToString(CultureInfo.InvariantCulture),
        };
        return observation;
    }

    public static ObservationRecorded Count(string id, string organisation, string measure, string periodCode, long amount, DateTime recordedAt, int version = 1)
    {
        var observation = Observation(id, organisation, measure, periodCode, recordedAt, version, "", "", ProvenanceKind.ManualEntry, "");
        observation.Value = new ObservationValue { State = ObservationState.Value, Amount = amount.ToString(CultureInfo.InvariantCulture) };
        return observation;
    }

    public static ObservationRecorded Withheld(string id, string organisation, string measure, string periodCode, DateTime recordedAt)
    {
        var observation = Observation(id, organisation, measure, periodCode, recordedAt, 1, "", "", ProvenanceKind.Import, "");
        observation.Value = new ObservationValue { State = ObservationState.Suppressed, Reason = "c in source" };
        return observation;
    }

    public static ObservationSuperseded Superseded(ObservationRecorded old, string by, DateTime at) => new()
    {
        ObservationId = old.ObservationId,
        SupersededByObservationId = by,
        OrganisationCode = old.OrganisationCode,
        MeasureId = old.MeasureId,
        MeasureVersion = old.MeasureVersion,
        PeriodCode = old.PeriodCode,
        BreakdownKey = old.BreakdownKey,
        Reason = "corrected",
        SupersededAt = Timestamp.FromDateTime(at),
    };

    /// <summary>An import batch as the measures service publishes it: figures grouped by measure version and period.</summary>
    public static ObservationBatchRecorded Batch(string importId, DateTime recordedAt, IEnumerable<ObservationRecorded> observations)
    {
        var batch = new ObservationBatchRecorded { ImportId = importId, Sequence = 1, RecordedAt = Timestamp.FromDateTime(recordedAt) };
        foreach (var same in observations.GroupBy(o => (o.MeasureId, o.MeasureVersion, o.PeriodCode)))
        {
            var group = new RecordedFigureGroup { MeasureId = same.Key.MeasureId, MeasureVersion = same.Key.MeasureVersion, PeriodCode = same.Key.PeriodCode };
            group.Figures.AddRange(same.Select(o => new RecordedFigure
            {
                ObservationId = o.ObservationId,
                OrganisationCode = o.OrganisationCode,
                BreakdownKey = o.BreakdownKey,
                State = o.Value.State,
                Numerator = o.Value.Numerator,
                Denominator = o.Value.Denominator,
                Amount = o.Value.Amount,
                Reason = o.Value.Reason,
                SupersedesObservationId = o.SupersedesObservationId,
            }));
            batch.Groups.Add(group);
        }

        return batch;
    }

    /// <summary>"2024-04/P1M" for the month <paramref name="offset"/> months after April 2024.</summary>
    public static string Month(int offset) => new DateOnly(2024, 4, 1).AddMonths(offset).ToString("yyyy-MM", CultureInfo.InvariantCulture) + "/P1M";

    private static ObservationRecorded Observation(
        string id, string organisation, string measure, string periodCode, DateTime recordedAt, int version, string breakdownKey, string supersedes,
        ProvenanceKind provenance, string reference) => new()
        {
            ObservationId = id,
            OrganisationCode = organisation,
            MeasureId = measure,
            MeasureVersion = version,
            PeriodCode = periodCode,
            BreakdownKey = breakdownKey,
            ProvenanceKind = provenance,
            ProvenanceReference = reference,
            RecordedAt = Timestamp.FromDateTime(recordedAt),
            SupersedesObservationId = supersedes,
        };
}
