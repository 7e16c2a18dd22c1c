using System.Globalization;

namespace Safeguarding.Reporting.Planning;

/// <summary>
/// Financial years as UK public bodies keep them: named by the calendar year they start in (2025 is April 2025 to
/// March 2026, "2025/26"); quarter 1 is April to June.
/// </summary>
public static class QaYears
{
    public static int Of(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public static string Label(int year) =>
        year.ToString(CultureInfo.InvariantCulture) + "/" + ((year + 1) % 100).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>The last day of the planned period: the quarter's, or the year's for quarter 0.</summary>
    public static DateOnly End(int year, int quarter) =>
        new DateOnly(year, 4, 1).AddMonths(quarter is >= 1 and <= 4 ? 3 * quarter : 12).AddDays(-1);

    /// <summary>"Q2 2025/26" or "2025/26".</summary>
    public static string Planned(int year, int quarter) =>
        (quarter is >= 1 and <= 4 ? "Q" + quarter.ToString(CultureInfo.InvariantCulture) + " " : "") + Label(year);
}
