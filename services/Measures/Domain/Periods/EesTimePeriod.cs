using System.Collections.Frozen;
using System.Globalization;

namespace Safeguarding.Measures.Domain;

/// <summary>
/// Reads the period of an Explore Education Statistics row from its <c>time_period</c> and
/// <c>time_identifier</c> columns, following EES's time identifiers: four-digit periods for calendar
/// and reporting years, months and calendar quarters ("2024" + "March"); six-digit periods for
/// financial and academic years, financial quarters and halves ("202425" + "Financial year Q1").
/// Terms, weeks, tax years and academic quarters do not map to whole-month periods and are refused.
/// </summary>
public static class EesTimePeriod
{
    private enum Kind
    {
        CalendarYear,
        ReportingYear,
        FinancialYear,
        AcademicYear,
        CalendarQuarter,
        FinancialQuarter,
        FinancialHalf,
        Month,
    }

    private static readonly FrozenDictionary<string, (Kind Kind, int Part)> Identifiers = BuildIdentifiers();

    /// <summary>Every EES time identifier, supported or not (safe to quote in reports).</summary>
    public static IReadOnlyList<string> KnownIdentifiers { get; } =
    [
        .. Identifiers.Keys,
        "Autumn term", "Spring term", "Summer term", "Autumn and spring term", "Tax year",
        .. Enumerable.Range(1, 4).SelectMany(q => new[] { $"Tax year Q{q}", $"Academic year Q{q}" }),
        .. Enumerable.Range(1, 52).Select(w => $"Week {w}"),
    ];

    /// <param name="reportingYearEndMonth">
    /// "Reporting year" means different twelve months in different releases (children in need: year
    /// ending 31 March; workforce: year to 30 September), so the mapping must say which.
    /// </param>
    public static bool TryParse(string? timePeriod, string? timeIdentifier, int? reportingYearEndMonth, out Period? period, out string? error)
    {
        period = null;
        error = null;
        var identifier = timeIdentifier?.Trim() ?? string.Empty;
        var text = timePeriod?.Trim() ?? string.Empty;
        if (!Identifiers.TryGetValue(identifier, out var meta))
        {
            error = identifier.Length == 0
                ? "time identifier is missing"
                : $"time identifier {SafeText.Quote(identifier, KnownIdentifiers)} is not supported (only whole-month periods: years, quarters, halves, months)";
            return false;
        }

        var sixDigits = meta.Kind is Kind.FinancialYear or Kind.AcademicYear or Kind.FinancialQuarter or Kind.FinancialHalf;
        if (!TryYear(text, sixDigits, out var year))
        {
            error = sixDigits
                ? $"time period {SafeText.Quote(text)} is not a six-digit year pair such as 202425 (as '{identifier}' requires)"
                : $"time period {SafeText.Quote(text)} is not a four-digit year (as '{identifier}' requires)";
            return false;
        }

        if (meta.Kind == Kind.ReportingYear && reportingYearEndMonth is null)
        {
            error = "'Reporting year' needs the mapping's period.reporting_year_end_month";
            return false;
        }

        try
        {
            period = meta.Kind switch
            {
                Kind.CalendarYear => Period.CalendarYear(year),
                Kind.ReportingYear => Period.YearEnding(year, reportingYearEndMonth!.Value),
                Kind.FinancialYear => Period.FinancialYearEnding(year + 1),
                Kind.AcademicYear => Period.AcademicYearStarting(year),
                Kind.CalendarQuarter => Period.CalendarQuarter(year, meta.Part),
                Kind.FinancialQuarter => Period.FinancialQuarter(year, meta.Part),
                Kind.FinancialHalf => Period.FinancialHalf(year, meta.Part),
                Kind.Month => Period.Month(year, meta.Part),
                _ => throw new InvalidOperationException("unreachable"),
            };
            return true;
        }
        catch (DomainValidationException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>"2024" (four digits) or "202425" (six digits, second year the next one), giving the first year.</summary>
    internal static bool TryYear(string text, bool sixDigits, out int year)
    {
        year = 0;
        if (text.Length != (sixDigits ? 6 : 4) || text.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        if (!sixDigits)
        {
            return true;
        }

        var second = int.Parse(text.AsSpan(4, 2), CultureInfo.InvariantCulture);
        return second == (year + 1) % 100;
    }

    private static FrozenDictionary<string, (Kind, int)> BuildIdentifiers()
    {
        var map = new Dictionary<string, (Kind, int)>(StringComparer.OrdinalIgnoreCase)
        {
            ["Calendar year"] = (Kind.CalendarYear, 0),
            ["Reporting year"] = (Kind.ReportingYear, 0),
            ["Financial year"] = (Kind.FinancialYear, 0),
            ["Academic year"] = (Kind.AcademicYear, 0),
            ["Part 1 (April to September)"] = (Kind.FinancialHalf, 1),
            ["Part 2 (October to March)"] = (Kind.FinancialHalf, 2),
        };
        for (var q = 1; q <= 4; q++)
        {
            map[$"Calendar year Q{q}"] = (Kind.CalendarQuarter, q);
            map[$"Financial year Q{q}"] = (Kind.FinancialQuarter, q);
        }

        for (var m = 1; m <= 12; m++)
        {
            map[CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m)] = (Kind.Month, m);
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
