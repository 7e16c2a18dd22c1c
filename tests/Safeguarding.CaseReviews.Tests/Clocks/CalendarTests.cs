using Safeguarding.CaseReviews.Domain.Clocks;

namespace Safeguarding.CaseReviews.Tests.Clocks;

/// <summary>The England and Wales calendar against the bank holidays GOV.UK publishes.</summary>
public sealed class CalendarTests
{
    private static readonly EnglandAndWalesCalendar Calendar = new();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // 2026: Boxing Day is a Saturday, so Monday 28 December is the substitute.
    [InlineData(2026, "2026-01-01,2026-04-03,2026-04-06,2026-05-04,2026-05-25,2026-08-31,2026-12-25,2026-12-28")]
    // 2027: Christmas and Boxing Day fall on the weekend: Monday 27 and Tuesday 28 December are the substitutes.
    [InlineData(2027, "2027-01-01,2027-03-26,2027-03-29,2027-05-03,2027-05-31,2027-08-30,2027-12-27,2027-12-28")]
    // 2022: Christmas Day on a Sunday: Boxing Day Monday 26, substitute Tuesday 27; the jubilee moved the late-May holiday; the state funeral.
    [InlineData(2022, "2022-01-03,2022-04-15,2022-04-18,2022-05-02,2022-06-02,2022-06-03,2022-08-29,2022-09-19,2022-12-26,2022-12-27")]
    // 2023: New Year's Day substitute and the coronation beside the early-May holiday.
    [InlineData(2023, "2023-01-02,2023-04-07,2023-04-10,2023-05-01,2023-05-08,2023-05-29,2023-08-28,2023-12-25,2023-12-26")]
    // 2020: the early-May holiday moved to Friday 8 May for VE Day.
    [InlineData(2020, "2020-01-01,2020-04-10,2020-04-13,2020-05-08,2020-05-25,2020-08-31,2020-12-25,2020-12-28")]
    public void Bank_holidays_match_the_published_list(int year, string expected)
    {
        Assert.Equal(expected.Split(',').Select(D), Calendar.BankHolidays(year));
    }

    [Theory]
    [InlineData("2024-03-29")]
    [InlineData("2025-04-18")]
    [InlineData("2026-04-03")]
    [InlineData("2027-03-26")]
    [InlineData("2028-04-14")]
    [InlineData("2029-03-30")]
    [InlineData("2030-04-19")]
    public void Good_Friday_and_Easter_Monday_are_not_working_days(string goodFriday)
    {
        var friday = D(goodFriday);
        Assert.False(Calendar.IsWorkingDay(friday));
        Assert.False(Calendar.IsWorkingDay(friday.AddDays(3)));
        Assert.True(Calendar.IsWorkingDay(friday.AddDays(-1)));
        Assert.True(Calendar.IsWorkingDay(friday.AddDays(4)));
    }

    [Fact]
    public void Weekends_are_not_working_days_and_ordinary_weekdays_are()
    {
        Assert.False(Calendar.IsWorkingDay(D("2026-03-07")));
        Assert.False(Calendar.IsWorkingDay(D("2026-03-08")));
        Assert.True(Calendar.IsWorkingDay(D("2026-03-09")));
    }

    [Fact]
    public void A_configured_extra_bank_holiday_is_not_a_working_day()
    {
        var calendar = new EnglandAndWalesCalendar([D("2026-06-15")]);
        Assert.False(calendar.IsWorkingDay(D("2026-06-15")));
        Assert.Contains(D("2026-06-15"), calendar.BankHolidays(2026));
        Assert.True(Calendar.IsWorkingDay(D("2026-06-15")));
    }

    [Theory]
    [InlineData("2026-03-06", 1, "2026-03-09")] // Friday + 1 is Monday
    [InlineData("2026-03-07", 1, "2026-03-09")] // from a Saturday, day 1 is Monday
    [InlineData("2026-03-09", 0, "2026-03-09")]
    [InlineData("2026-04-07", -1, "2026-04-02")] // back across Easter Monday and Good Friday
    public void Adding_working_days(string from, int count, string expected)
    {
        Assert.Equal(D(expected), Calendar.Add(D(from), count));
    }

    [Fact]
    public void Counting_working_days_between_two_days()
    {
        Assert.Equal(3, Calendar.Between(D("2026-03-18"), D("2026-03-23"))); // Thu, Fri, Mon
        Assert.Equal(-3, Calendar.Between(D("2026-03-23"), D("2026-03-18")));
        Assert.Equal(5, Calendar.InRange(D("2026-03-16"), D("2026-03-23"))); // Mon to Fri
        Assert.Equal(0, Calendar.InRange(D("2026-03-16"), D("2026-03-16")));
    }
}

/// <summary>The shipped table against the maintained PublicHoliday package, year by year.</summary>
public sealed class BankHolidayTableTests
{
    [Fact]
    public void Every_year_of_the_table_matches_the_PublicHoliday_package()
    {
        var package = new PublicHoliday.UKBankHoliday();
        var calendar = new EnglandAndWalesCalendar();
        for (var year = EnglandAndWalesCalendar.FirstYear; year <= EnglandAndWalesCalendar.LastYear; year++)
        {
            Assert.Equal(package.PublicHolidays(year).Select(DateOnly.FromDateTime).Order(), calendar.BankHolidays(year));
        }
    }

    [Fact]
    public void The_table_covers_the_years_clocks_run_in()
    {
        Assert.Equal(2018, EnglandAndWalesCalendar.FirstYear);
        Assert.True(EnglandAndWalesCalendar.LastYear >= DateTime.UtcNow.Year + 5, "add years to bank-holidays.england-and-wales.json");
        Assert.All(EnglandAndWalesCalendar.Table, h => Assert.False(string.IsNullOrWhiteSpace(h.Name)));
    }

    [Fact]
    public void A_day_outside_the_table_is_refused_not_guessed()
    {
        var calendar = new EnglandAndWalesCalendar();
        var ex = Assert.Throws<InvalidOperationException>(() => calendar.IsWorkingDay(new DateOnly(EnglandAndWalesCalendar.LastYear + 1, 3, 1)));
        Assert.Contains("bank-holidays.england-and-wales.json", ex.Message, StringComparison.Ordinal);
    }
}
