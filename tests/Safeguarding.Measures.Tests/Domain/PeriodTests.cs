using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Tests.Domain;

public sealed class PeriodTests
{
    [Fact]
    public void Financial_year_ending_2025_runs_april_2024_to_march_2025()
    {
        var period = Period.FinancialYearEnding(2025);

        Assert.Equal(new DateOnly(2024, 4, 1), period.Start);
        Assert.Equal(new DateOnly(2025, 3, 31), period.End);
        Assert.Equal("2024-04/P12M", period.Code);
        Assert.Equal("2024-25 financial year", period.Label);
    }

    [Fact]
    public void A_reporting_year_ending_march_is_the_financial_year() =>
        Assert.Equal(Period.FinancialYearEnding(2025), Period.YearEnding(2025, 3));

    [Fact]
    public void Financial_quarter_one_is_april_to_june()
    {
        var q1 = Period.FinancialQuarter(2024, 1);

        Assert.Equal(new DateOnly(2024, 4, 1), q1.Start);
        Assert.Equal(new DateOnly(2024, 6, 30), q1.End);
        Assert.Equal(Period.CalendarQuarter(2024, 2), q1);
    }

    [Fact]
    public void Financial_quarter_four_is_in_the_next_calendar_year() =>
        Assert.Equal(new DateOnly(2025, 1, 1), Period.FinancialQuarter(2024, 4).Start);

    [Fact]
    public void Academic_year_starts_in_september()
    {
        var year = Period.AcademicYearStarting(2024);

        Assert.Equal(new DateOnly(2025, 8, 31), year.End);
        Assert.Equal("2024/25 academic year", year.Label);
    }

    [Fact]
    public void Previous_and_year_earlier()
    {
        var may = Period.Month(2024, 5);

        Assert.Equal(Period.Month(2024, 4), may.Previous());
        Assert.Equal(Period.Month(2023, 5), may.YearEarlier());
        Assert.Equal(Period.Month(2023, 12), Period.Month(2024, 1).Previous());
        Assert.Equal(Period.FinancialYearEnding(2024), Period.FinancialYearEnding(2025).Previous());
    }

    [Fact]
    public void Codes_round_trip()
    {
        foreach (var period in new[] { Period.Month(2024, 2), Period.CalendarQuarter(2023, 4), Period.FinancialHalf(2024, 2), Period.AcademicYearStarting(2020) })
        {
            Assert.True(Period.TryParseCode(period.Code, out var parsed));
            Assert.Equal(period, parsed);
        }
    }

    [Theory]
    [InlineData("2024-13/P1M")]
    [InlineData("2024-01/P2M")]
    [InlineData("2024-01")]
    [InlineData("")]
    public void Bad_codes_do_not_parse(string code) => Assert.False(Period.TryParseCode(code, out _));

    [Fact]
    public void Contains_and_ordering()
    {
        var year = Period.FinancialYearEnding(2025);

        Assert.True(year.Contains(Period.Month(2025, 3)));
        Assert.False(year.Contains(Period.Month(2025, 4)));
        Assert.True(Period.Month(2024, 1) < Period.Month(2024, 2));
        Assert.True(Period.Month(2024, 1) < Period.CalendarQuarter(2024, 1));
    }

    [Fact]
    public void Out_of_range_parts_name_the_field()
    {
        Assert.Equal("period.month", Assert.Throws<DomainValidationException>(() => Period.Month(2024, 13)).Problems.Single().Field);
        Assert.Equal("period.quarter", Assert.Throws<DomainValidationException>(() => Period.CalendarQuarter(2024, 5)).Problems.Single().Field);
        Assert.Equal("period.year", Assert.Throws<DomainValidationException>(() => Period.CalendarYear(1066)).Problems.Single().Field);
    }
}
