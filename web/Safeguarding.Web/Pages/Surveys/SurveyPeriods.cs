using System.Globalization;

namespace Safeguarding.Web.Pages.Surveys;

/// <summary>The quarters a wave's figures can be for, as measures names periods ("2026-10/P3M"), aligned on the financial year.</summary>
public static class SurveyPeriods
{
    /// <summary>The quarter before the current one, the current one and the next, for the question's choices.</summary>
    public static IReadOnlyList<(string Value, string Words)> Around(DateOnly today)
    {
        var sinceApril = (today.Year * 12) + today.Month - 1 - 3;
        var current = sinceApril - (sinceApril % 3);
        return [.. new[] { current - 3, current, current + 3 }.Select(m =>
        {
            var code = $"{(m + 3) / 12:D4}-{((m + 3) % 12) + 1:D2}/P3M";
            return (code, Label(code));
        })];
    }

    /// <summary>"October to December 2026" for "2026-10/P3M"; the code itself when it is not a quarter's.</summary>
    public static string Label(string code) =>
        code.Length == 11 && code.EndsWith("/P3M", StringComparison.Ordinal)
            && DateOnly.TryParseExact(code[..7] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? $"{start.ToString("MMMM", CultureInfo.InvariantCulture)} to {start.AddMonths(2).ToString("MMMM yyyy", CultureInfo.InvariantCulture)}"
            : code;
}
