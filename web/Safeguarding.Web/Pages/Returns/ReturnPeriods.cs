using System.Globalization;
using Safeguarding.Measures.V1;

namespace Safeguarding.Web.Pages.Returns;

/// <summary>
/// A return's period in the address ("2026-01": its first month; the dataset's frequency gives its length) and the
/// recent periods of a dataset, aligned on the financial year as the service aligns them (quarters from April).
/// </summary>
public static class ReturnPeriods
{
    /// <summary>How many periods the returns page lists per dataset, newest first.</summary>
    public const int Recent = 8;

    public static int Months(DatasetFrequency frequency) => frequency switch
    {
        DatasetFrequency.Monthly => 1,
        DatasetFrequency.Annual => 12,
        _ => 3,
    };

    /// <summary>The period an address segment names, or null when it names none.</summary>
    public static Period? Parse(string? segment, DatasetFrequency frequency) =>
        DateOnly.TryParseExact(segment + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? Of(start, frequency)
            : null;

    public static string Segment(Period period) => period.Code.Length >= 7 ? period.Code[..7] : $"{period.StartYear:D4}-{period.StartMonth:D2}";

    /// <summary>The <see cref="Recent"/> periods that have started by <paramref name="today"/>, newest first.</summary>
    public static IReadOnlyList<Period> RecentTo(DateOnly today, DatasetFrequency frequency)
    {
        var months = Months(frequency);
        // Months since April of year 0, so quarters and years fall on April like the financial year.
        var sinceApril = ((today.Year * 12) + today.Month - 1 - 3);
        var first = sinceApril - (sinceApril % months);
        return [.. Enumerable.Range(0, Recent).Select(i =>
        {
            var start = first - (i * months) + 3;
            return Of(new DateOnly(start / 12, (start % 12) + 1, 1), frequency);
        })];
    }

    public static string Label(Period period)
    {
        if (period.Label.Length > 0)
        {
            return period.Label;
        }

        var start = new DateTime(period.StartYear, Math.Max(1, period.StartMonth), 1);
        return period.Granularity switch
        {
            PeriodGranularity.Quarter => $"{start.ToString("MMMM", CultureInfo.InvariantCulture)} to {start.AddMonths(2).ToString("MMMM yyyy", CultureInfo.InvariantCulture)}",
            PeriodGranularity.Year => $"{start.Year}-{(start.Year + 1) % 100:D2} financial year",
            _ => start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        };
    }

    private static Period Of(DateOnly start, DatasetFrequency frequency) => new()
    {
        Code = $"{start.Year:D4}-{start.Month:D2}/P{Months(frequency)}M",
        Granularity = frequency switch
        {
            DatasetFrequency.Monthly => PeriodGranularity.Month,
            DatasetFrequency.Annual => PeriodGranularity.Year,
            _ => PeriodGranularity.Quarter,
        },
        StartYear = start.Year,
        StartMonth = start.Month,
    };
}
