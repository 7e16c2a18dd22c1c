using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Datasets;

/// <summary>How often a dataset is returned; each is one period granularity.</summary>
public enum DatasetFrequency
{
    Monthly,
    Quarterly,
    Annual,
}

/// <summary>
/// A set of measures every organisation that takes part returns for each period of its frequency, by a due date.
/// <see cref="Measures"/> are measure ids or the library measure ids organisations define theirs from.
/// </summary>
public sealed record Dataset(string Id, string Title, DatasetFrequency Frequency, int DueDaysAfterPeriodEnd, IReadOnlyList<string> Measures)
{
    /// <summary>Its validation rules, checked when a return is validated and before it is submitted.</summary>
    public IReadOnlyList<DatasetRule> Rules { get; init; } = [];

    public PeriodGranularity Granularity => Frequency switch
    {
        DatasetFrequency.Monthly => PeriodGranularity.Month,
        DatasetFrequency.Quarterly => PeriodGranularity.Quarter,
        _ => PeriodGranularity.Year,
    };

    /// <summary>Calendar days after the period's last day (see the shipped YAML for why not working days).</summary>
    public DateOnly DueOn(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.End.AddDays(DueDaysAfterPeriodEnd);
    }

    /// <summary>
    /// Whether <paramref name="period"/> is one of this dataset's periods: its granularity, and aligned on the financial
    /// year (quarters start in April, July, October or January; years in April).
    /// </summary>
    public bool IsReturnPeriod(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Granularity == Granularity && Granularity switch
        {
            PeriodGranularity.Quarter => (period.Start.Month - 4 + 12) % 3 == 0,
            PeriodGranularity.Year => period.Start.Month == 4,
            _ => true,
        };
    }

    /// <summary>The return period of this dataset that holds <paramref name="period"/>, or null when none does (a year for a quarterly dataset).</summary>
    public Period? ReturnPeriodOf(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var months = (int)Granularity;
        var offset = months == 1 ? 0 : ((period.Start.Month - 4 + 12) % 12) % months;
        var start = period.Start.AddMonths(-offset);
        var candidate = Period.Of(Granularity, start.Year, start.Month);
        return candidate.Contains(period) ? candidate : null;
    }

    /// <summary>Whether a figure of <paramref name="measureId"/> (defined from <paramref name="libraryMeasureId"/>) belongs to the dataset.</summary>
    public bool Covers(string measureId, string? libraryMeasureId) =>
        Measures.Contains(measureId, StringComparer.Ordinal) || (libraryMeasureId is not null && Measures.Contains(libraryMeasureId, StringComparer.Ordinal));
}
