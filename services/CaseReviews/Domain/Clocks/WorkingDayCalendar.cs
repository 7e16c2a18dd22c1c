using System.Reflection;
using System.Text.Json;

namespace Safeguarding.CaseReviews.Domain.Clocks;

/// <summary>Which days count as working days.</summary>
public interface IWorkingDayCalendar
{
    /// <summary>True for a Monday to Friday that is not a bank holiday.</summary>
    bool IsWorkingDay(DateOnly day);
}

/// <summary>One bank holiday of the shipped table.</summary>
public sealed record BankHoliday(DateOnly Date, string Name);

/// <summary>
/// England and Wales working days: Monday to Friday except bank holidays from the shipped, maintained table
/// (bank-holidays.england-and-wales.json: substitute days, Easter and one-off days included, checked by the tests
/// against the PublicHoliday package) plus days configured in <c>CaseReviews:ExtraBankHolidays</c>. A day outside
/// the table's years is refused rather than guessed: a clock counted without its holidays would be wrong silently.
/// </summary>
public sealed class EnglandAndWalesCalendar : IWorkingDayCalendar
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };
    private static readonly Lazy<HolidayTable> Shipped = new(Load);
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _extra;

    public EnglandAndWalesCalendar(IEnumerable<DateOnly>? extraHolidays = null)
    {
        _extra = [.. extraHolidays ?? []];
        _holidays = [.. Shipped.Value.Holidays.Select(h => h.Date), .. _extra];
    }

    public static int FirstYear => Shipped.Value.FirstYear;

    public static int LastYear => Shipped.Value.LastYear;

    /// <summary>The shipped table, in date order.</summary>
    public static IReadOnlyList<BankHoliday> Table => Shipped.Value.Holidays;

    public bool IsWorkingDay(DateOnly day)
    {
        if (day.Year < FirstYear || day.Year > LastYear)
        {
            throw new InvalidOperationException($"The bank holiday table covers {FirstYear} to {LastYear}; {day.Year} needs adding to bank-holidays.england-and-wales.json.");
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);
    }

    /// <summary>The bank holidays of <paramref name="year"/> (the table's and the configured extras).</summary>
    public IReadOnlyList<DateOnly> BankHolidays(int year) => [.. _holidays.Where(d => d.Year == year).Order()];

    private sealed record HolidayTable(int FirstYear, int LastYear, List<BankHoliday> Holidays);

    private static HolidayTable Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Safeguarding.CaseReviews.Domain.Clocks.bank-holidays.england-and-wales.json")
            ?? throw new InvalidOperationException("The bank holiday table is missing from the assembly.");
        var table = JsonSerializer.Deserialize<HolidayTable>(stream, Json)
            ?? throw new InvalidOperationException("The bank holiday table is empty.");
        return table with { Holidays = [.. table.Holidays.OrderBy(h => h.Date)] };
    }
}

/// <summary>Working-day arithmetic over any calendar.</summary>
public static class WorkingDays
{
    /// <summary>
    /// The day <paramref name="count"/> working days after <paramref name="from"/> (before it when negative).
    /// The start day itself is day 0 whether or not it is a working day: "within 5 working days of Friday"
    /// is the next Friday, or later when a bank holiday falls between.
    /// </summary>
    public static DateOnly Add(this IWorkingDayCalendar calendar, DateOnly from, int count)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var step = Math.Sign(count);
        var day = from;
        for (var remaining = Math.Abs(count); remaining > 0;)
        {
            day = day.AddDays(step);
            if (calendar.IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>Working days d with <paramref name="after"/> &lt; d ≤ <paramref name="upTo"/> (negative when reversed).</summary>
    public static int Between(this IWorkingDayCalendar calendar, DateOnly after, DateOnly upTo)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (upTo < after)
        {
            return -calendar.Between(upTo, after);
        }

        var count = 0;
        for (var day = after.AddDays(1); day <= upTo; day = day.AddDays(1))
        {
            count += calendar.IsWorkingDay(day) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Working days in the half-open range [<paramref name="from"/>, <paramref name="until"/>).</summary>
    public static int InRange(this IWorkingDayCalendar calendar, DateOnly from, DateOnly until) =>
        until <= from ? 0 : calendar.Between(from.AddDays(-1), until.AddDays(-1));
}
