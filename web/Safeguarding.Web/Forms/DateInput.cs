using System.Globalization;

namespace Safeguarding.Web.Forms;

/// <summary>A GOV.UK date input (day, month, year) with its legend, hint and error (rendered by Pages/Shared/_DateInput).</summary>
public sealed record DateInput(string Id, string Legend, string? Day, string? Month, string? Year, string? Error, string Hint = "For example, 27 3 2026")
{
    /// <summary>The date the three boxes give, or null when they do not give one.</summary>
    public static DateOnly? Parse(string? day, string? month, string? year) =>
        int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
        && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
        && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        && y is >= 1000 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;
}
