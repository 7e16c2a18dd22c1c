using System.Globalization;

namespace Safeguarding.Measures.Domain;

/// <summary>
/// A reporting period: whole months from a first month. A period is its span, so a reporting year
/// ending 31 March 2025 and the financial year 2024-25 are the same period (April 2024 to March 2025),
/// and figures published under either label compare. Its <see cref="Code"/> is ISO 8601 start/duration
/// ("2024-04/P12M"), stable for keys.
/// </summary>
public sealed record Period : IComparable<Period>
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    private Period(PeriodGranularity granularity, int startYear, int startMonth)
    {
        Granularity = granularity;
        Start = new DateOnly(startYear, startMonth, 1);
        Code = $"{startYear:D4}-{startMonth:D2}/P{(int)granularity}M";
    }

    public PeriodGranularity Granularity { get; }

    /// <summary>First day of the period.</summary>
    public DateOnly Start { get; }

    /// <summary>Last day of the period (inclusive).</summary>
    public DateOnly End => Start.AddMonths(Months).AddDays(-1);

    public int Months => (int)Granularity;

    /// <summary>Computed once: it is part of every observation key.</summary>
    public string Code { get; }

    /// <summary>How people name it: "May 2024", "Apr-Jun 2024", "2024-25 financial year", "2024".</summary>
    public string Label => Granularity switch
    {
        PeriodGranularity.Month => Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        PeriodGranularity.Year when Start.Month == 1 => Start.Year.ToString(CultureInfo.InvariantCulture),
        PeriodGranularity.Year when Start.Month == 4 => $"{Start.Year}-{(Start.Year + 1) % 100:D2} financial year",
        PeriodGranularity.Year when Start.Month == 9 => $"{Start.Year}/{(Start.Year + 1) % 100:D2} academic year",
        PeriodGranularity.Year => $"year ending {End.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}",
        _ => $"{Start.ToString("MMM yyyy", CultureInfo.InvariantCulture)} to {End.ToString("MMM yyyy", CultureInfo.InvariantCulture)}",
    };

    public static Period Of(PeriodGranularity granularity, int startYear, int startMonth)
    {
        var problems = new ValidationProblems();
        if (!Enum.IsDefined(granularity))
        {
            problems.Add("period.granularity", "must be month, quarter, half_year or year");
        }

        if (startYear is < MinYear or > MaxYear)
        {
            problems.Add("period.year", $"must be between {MinYear} and {MaxYear}");
        }

        if (startMonth is < 1 or > 12)
        {
            problems.Add("period.month", "must be between 1 and 12");
        }

        problems.ThrowIfAny();
        return new Period(granularity, startYear, startMonth);
    }

    public static Period Month(int year, int month) => Of(PeriodGranularity.Month, year, month);

    public static Period CalendarQuarter(int year, int quarter) =>
        Of(PeriodGranularity.Quarter, year, CheckedPart(quarter, 4, "period.quarter") * 3 - 2);

    /// <summary>Financial quarters run from April: Q1 of 2024-25 is April to June 2024.</summary>
    public static Period FinancialQuarter(int financialYearStart, int quarter)
    {
        var start = new DateOnly(ValidYear(financialYearStart), 4, 1).AddMonths((CheckedPart(quarter, 4, "period.quarter") - 1) * 3);
        return Of(PeriodGranularity.Quarter, start.Year, start.Month);
    }

    /// <summary>Part 1 is April to September, part 2 October to March.</summary>
    public static Period FinancialHalf(int financialYearStart, int half) =>
        Of(PeriodGranularity.HalfYear, financialYearStart, CheckedPart(half, 2, "period.half") == 1 ? 4 : 10);

    public static Period CalendarYear(int year) => Of(PeriodGranularity.Year, year, 1);

    /// <summary>Financial year ending 31 March of <paramref name="endYear"/>: 2025 is April 2024 to March 2025.</summary>
    public static Period FinancialYearEnding(int endYear) => YearEnding(endYear, 3);

    /// <summary>Academic year starting September of <paramref name="startYear"/>.</summary>
    public static Period AcademicYearStarting(int startYear) => Of(PeriodGranularity.Year, startYear, 9);

    /// <summary>The twelve months ending with <paramref name="endMonth"/> of <paramref name="endYear"/>.</summary>
    public static Period YearEnding(int endYear, int endMonth)
    {
        var start = new DateOnly(ValidYear(endYear), CheckedPart(endMonth, 12, "period.month"), 1).AddMonths(-11);
        return Of(PeriodGranularity.Year, start.Year, start.Month);
    }

    /// <summary>Parses a <see cref="Code"/> such as "2024-04/P12M".</summary>
    public static bool TryParseCode(string? code, out Period? period)
    {
        period = null;
        if (code is null || code.Length < 11 || code[4] != '-' || code[7] != '/' || code[8] != 'P' || code[^1] != 'M'
            || !int.TryParse(code.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(code.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(code.AsSpan(9, code.Length - 10), NumberStyles.None, CultureInfo.InvariantCulture, out var months)
            || !Enum.IsDefined((PeriodGranularity)months) || year is < MinYear or > MaxYear || month is < 1 or > 12)
        {
            return false;
        }

        period = new Period((PeriodGranularity)months, year, month);
        return true;
    }

    /// <summary>The period of the same length just before this one.</summary>
    public Period Previous() => Shifted(-Months);

    /// <summary>The same period a year earlier (for year-on-year comparison).</summary>
    public Period YearEarlier() => Shifted(-12);

    public bool Contains(Period other) => other.Start >= Start && other.End <= End;

    public int CompareTo(Period? other) =>
        other is null ? 1 : Start != other.Start ? Start.CompareTo(other.Start) : Months.CompareTo(other.Months);

    public override string ToString() => Code;

    public static bool operator <(Period? left, Period? right) => Compare(left, right) < 0;

    public static bool operator <=(Period? left, Period? right) => Compare(left, right) <= 0;

    public static bool operator >(Period? left, Period? right) => Compare(left, right) > 0;

    public static bool operator >=(Period? left, Period? right) => Compare(left, right) >= 0;

    private static int Compare(Period? left, Period? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    private Period Shifted(int months)
    {
        var start = Start.AddMonths(months);
        return Of(Granularity, start.Year, start.Month);
    }

    private static int CheckedPart(int value, int max, string field) =>
        value >= 1 && value <= max ? value : throw new DomainValidationException(field, $"must be between 1 and {max}");

    private static int ValidYear(int year) =>
        year is >= MinYear and <= MaxYear ? year : throw new DomainValidationException("period.year", $"must be between {MinYear} and {MaxYear}");
}
