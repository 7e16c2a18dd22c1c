using System.Globalization;
using System.Text.RegularExpressions;

namespace Safeguarding.Measures.Domain;

/// <summary>How a generic (non-EES) file writes its period in one column.</summary>
public enum PeriodFormat
{
    /// <summary>"2024-05", "2024/05", "May 2024".</summary>
    Month,

    /// <summary>"2024Q1", "2024-Q1", "2024 Q1", "Q1 2024".</summary>
    CalendarQuarter,

    /// <summary>"2024-25 Q1" (April to June 2024).</summary>
    FinancialQuarter,

    /// <summary>"2024".</summary>
    CalendarYear,

    /// <summary>"2024-25", "2024/25", "202425": April 2024 to March 2025.</summary>
    FinancialYear,

    /// <summary>"2024-25", "2024/25", "202425": September 2024 to August 2025.</summary>
    AcademicYear,

    /// <summary>"2025" with the mapping's year-end month (e.g. 9 for the year to September 2025).</summary>
    YearEnding,

    /// <summary>The platform's own code: "2024-04/P12M".</summary>
    PeriodCode,
}

/// <summary>Parses one period cell in a declared <see cref="PeriodFormat"/>.</summary>
public static partial class PeriodParser
{
    public static bool TryParse(string? text, PeriodFormat format, int? yearEndMonth, out Period? period, out string? error)
    {
        period = null;
        error = null;
        var value = text?.Trim() ?? string.Empty;
        try
        {
            period = format switch
            {
                PeriodFormat.Month => ParseMonth(value),
                PeriodFormat.CalendarQuarter => ParseCalendarQuarter(value),
                PeriodFormat.FinancialQuarter => ParseFinancialQuarter(value),
                PeriodFormat.CalendarYear => EesTimePeriod.TryYear(value, false, out var y) ? Period.CalendarYear(y) : null,
                PeriodFormat.FinancialYear => TryYearPair(value, out var fy) ? Period.FinancialYearEnding(fy + 1) : null,
                PeriodFormat.AcademicYear => TryYearPair(value, out var ay) ? Period.AcademicYearStarting(ay) : null,
                PeriodFormat.YearEnding when yearEndMonth is null => throw new DomainValidationException("period.year_end_month", "is required for year_ending"),
                PeriodFormat.YearEnding => EesTimePeriod.TryYear(value, false, out var ye) ? Period.YearEnding(ye, yearEndMonth.Value) : null,
                PeriodFormat.PeriodCode => Period.TryParseCode(value, out var coded) ? coded : null,
                _ => null,
            };
        }
        catch (DomainValidationException ex)
        {
            error = ex.Message;
            return false;
        }

        if (period is null)
        {
            error = $"{SafeText.Quote(value)} is not a {WireNames.ToWire(format)} period";
            return false;
        }

        return true;
    }

    private static Period? ParseMonth(string value)
    {
        var numeric = MonthPattern().Match(value);
        if (numeric.Success)
        {
            return Period.Month(Int(numeric.Groups[1].Value), Int(numeric.Groups[2].Value));
        }

        return DateTime.TryParseExact(value, ["MMMM yyyy", "MMM yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Period.Month(date.Year, date.Month)
            : null;
    }

    private static Period? ParseCalendarQuarter(string value)
    {
        var yearFirst = QuarterPattern().Match(value);
        if (yearFirst.Success)
        {
            return Period.CalendarQuarter(Int(yearFirst.Groups[1].Value), Int(yearFirst.Groups[2].Value));
        }

        var quarterFirst = QuarterFirstPattern().Match(value);
        return quarterFirst.Success
            ? Period.CalendarQuarter(Int(quarterFirst.Groups[2].Value), Int(quarterFirst.Groups[1].Value))
            : null;
    }

    private static Period? ParseFinancialQuarter(string value)
    {
        var match = FinancialQuarterPattern().Match(value);
        return match.Success && TryYearPair(match.Groups[1].Value, out var start)
            ? Period.FinancialQuarter(start, Int(match.Groups[2].Value))
            : null;
    }

    /// <summary>"2024-25", "2024/25" or "202425", giving 2024; the second year must follow the first.</summary>
    private static bool TryYearPair(string value, out int startYear)
    {
        var compact = value.Replace("-", string.Empty, StringComparison.Ordinal).Replace("/", string.Empty, StringComparison.Ordinal);
        var separated = value.Length == 7 && (value[4] == '-' || value[4] == '/');
        return (separated || value.Length == 6) && EesTimePeriod.TryYear(compact, true, out startYear)
            || Fail(out startYear);
    }

    private static bool Fail(out int value)
    {
        value = 0;
        return false;
    }

    private static int Int(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4})[-/](\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(\d{4})\s*-?\s*Q([1-4])$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^Q([1-4])\s*-?\s*(\d{4})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex QuarterFirstPattern();

    [GeneratedRegex(@"^(\d{4}[-/]?\d{2})\s*Q([1-4])$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FinancialQuarterPattern();
}
