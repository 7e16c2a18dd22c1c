using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Returns;

/// <summary>
/// A dataset as reporting needs it (ADR 0024): which measures its returns cover (measure ids or the library measure
/// ids organisations define theirs from), how long its periods are (aligned on the financial year) and when a return
/// is due. The same rules as the measures service's own dataset, read from the same shipped file.
/// </summary>
internal sealed record DatasetDefinition(string Id, string Title, int PeriodMonths, int DueDaysAfterPeriodEnd, IReadOnlySet<string> Measures)
{
    /// <summary>Whether a figure of <paramref name="measureId"/> (defined from <paramref name="libraryMeasureId"/>) belongs to the dataset.</summary>
    public bool Covers(string measureId, string? libraryMeasureId) =>
        Measures.Contains(measureId) || (!string.IsNullOrEmpty(libraryMeasureId) && Measures.Contains(libraryMeasureId));

    /// <summary>The dataset's period holding <paramref name="period"/>, or null when none does (a year's figure in a quarterly dataset).</summary>
    public PeriodSpan? ReturnPeriodOf(PeriodSpan period)
    {
        var offset = PeriodMonths == 1 ? 0 : ((period.Start.Month - 4 + 12) % 12) % PeriodMonths;
        var candidate = PeriodSpan.Of(period.Start.AddMonths(-offset), PeriodMonths);
        return candidate.Contains(period) ? candidate : null;
    }

    /// <summary>Calendar days after the period's last day.</summary>
    public DateOnly DueOn(PeriodSpan period) => period.End.AddDays(DueDaysAfterPeriodEnd);

    /// <summary>The dataset's periods that ended within [<paramref name="from"/>, <paramref name="to"/>], oldest first.</summary>
    public IEnumerable<PeriodSpan> PeriodsEndingWithin(DateOnly from, DateOnly to)
    {
        if (ReturnPeriodOf(PeriodSpan.Of(new DateOnly(from.Year, from.Month, 1), 1)) is not { } period)
        {
            yield break;
        }

        for (; period.Start <= to; period = PeriodSpan.Of(period.Start.AddMonths(PeriodMonths), PeriodMonths))
        {
            if (period.End >= from && period.End <= to)
            {
                yield return period;
            }
        }
    }
}
