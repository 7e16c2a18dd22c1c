using System.Globalization;

namespace Safeguarding.Reporting.ReadModels;

/// <summary>
/// A period as the platform's period codes write it: whole months from a first month, "2024-04/P12M"
/// (ISO 8601 start and duration), the key of every figure and narrative entry.
/// </summary>
public readonly record struct PeriodSpan
{
    private static readonly int[] Lengths = [1, 3, 6, 12];

    private PeriodSpan(DateOnly start, int months)
    {
        Start = start;
        Months = months;
    }

    public DateOnly Start { get; }

    public int Months { get; }

    /// <summary>Last day (inclusive).</summary>
    public DateOnly End => Start.AddMonths(Months).AddDays(-1);

    public string Code => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture) + "/P" + Months.ToString(CultureInfo.InvariantCulture) + "M";

    public static PeriodSpan Of(DateOnly start, int months)
    {
        if (start.Day != 1 || Array.IndexOf(Lengths, months) < 0)
        {
            throw new ArgumentException("A period starts on the first of a month and lasts 1, 3, 6 or 12 months.");
        }

        return new PeriodSpan(start, months);
    }

    public static bool TryParse(string? code, out PeriodSpan period)
    {
        period = default;
        if (code is null || code.Length < 11 || code[4] != '-' || code[7] != '/' || code[8] != 'P' || code[^1] != 'M'
            || !int.TryParse(code.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(code.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(code.AsSpan(9, code.Length - 10), NumberStyles.None, CultureInfo.InvariantCulture, out var months)
            || year is < 1900 or > 2200 || month is < 1 or > 12 || Array.IndexOf(Lengths, months) < 0)
        {
            return false;
        }

        period = new PeriodSpan(new DateOnly(year, month, 1), months);
        return true;
    }

    public bool Contains(PeriodSpan other) => other.Start >= Start && other.End <= End;

    public bool Contains(DateOnly start, DateOnly end) => start >= Start && end <= End;

    /// <summary>The period of the same length just before this one.</summary>
    public PeriodSpan Previous() => new(Start.AddMonths(-Months), Months);

    /// <summary>The same period a year earlier.</summary>
    public PeriodSpan YearEarlier() => new(Start.AddMonths(-12), Months);

    /// <summary>How a board reads it: "Apr 2024", "Oct to Dec 2024", "2024/25" (a financial year), "2024".</summary>
    public string Label => Months switch
    {
        1 => Start.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        12 when Start.Month == 1 => Start.Year.ToString(CultureInfo.InvariantCulture),
        12 when Start.Month == 4 => Start.Year.ToString(CultureInfo.InvariantCulture) + "/" + ((Start.Year + 1) % 100).ToString("00", CultureInfo.InvariantCulture),
        _ => Start.ToString("MMM", CultureInfo.InvariantCulture) + " to " + End.ToString("MMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>"October to December 2024": the long form for report titles and periods.</summary>
    public string LongLabel => Months == 1
        ? Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
        : Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture) + " to " + End.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public override string ToString() => Code;
}
