using System.Globalization;

namespace Safeguarding.Audits.Domain;

/// <summary>A calendar month, written "2025-04".</summary>
public readonly record struct Month(int Year, int Number) : IComparable<Month>
{
    public int Index => (Year * 12) + Number - 1;

    public DateOnly FirstDay => new(Year, Number, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public static Month FromIndex(int index) => new(index / 12, (index % 12) + 1);

    public static Month Of(DateOnly date) => new(date.Year, date.Month);

    public Month Plus(int months) => FromIndex(Index + months);

    /// <summary>A month already checked (stored months): throws when it is not one.</summary>
    public static Month Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException("Not a month (yyyy-MM).");

    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 2000 or > 2100 || number is < 1 or > 12)
        {
            return false;
        }

        month = new Month(year, number);
        return true;
    }

    public int CompareTo(Month other) => Index.CompareTo(other.Index);

    public static bool operator <(Month left, Month right) => left.Index < right.Index;

    public static bool operator >(Month left, Month right) => left.Index > right.Index;

    public static bool operator <=(Month left, Month right) => left.Index <= right.Index;

    public static bool operator >=(Month left, Month right) => left.Index >= right.Index;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}");
}
