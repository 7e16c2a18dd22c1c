using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Tests.Domain;

public sealed class PeriodParserTests
{
    public static TheoryData<string, PeriodFormat, string> Cases => new()
    {
        { "2024-05", PeriodFormat.Month, "2024-05/P1M" },
        { "2024/5", PeriodFormat.Month, "2024-05/P1M" },
        { "May 2024", PeriodFormat.Month, "2024-05/P1M" },
        { "2024Q1", PeriodFormat.CalendarQuarter, "2024-01/P3M" },
        { "2024-Q3", PeriodFormat.CalendarQuarter, "2024-07/P3M" },
        { "Q4 2024", PeriodFormat.CalendarQuarter, "2024-10/P3M" },
        { "2024-25 Q2", PeriodFormat.FinancialQuarter, "2024-07/P3M" },
        { "2024", PeriodFormat.CalendarYear, "2024-01/P12M" },
        { "2024-25", PeriodFormat.FinancialYear, "2024-04/P12M" },
        { "202425", PeriodFormat.FinancialYear, "2024-04/P12M" },
        { "2024/25", PeriodFormat.AcademicYear, "2024-09/P12M" },
        { "2024-04/P12M", PeriodFormat.PeriodCode, "2024-04/P12M" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses_generic_period_cells(string text, PeriodFormat format, string expected)
    {
        Assert.True(PeriodParser.TryParse(text, format, null, out var period, out var error), error);
        Assert.Equal(expected, period!.Code);
    }

    [Fact]
    public void Year_ending_uses_the_given_month()
    {
        Assert.True(PeriodParser.TryParse("2025", PeriodFormat.YearEnding, 9, out var period, out _));
        Assert.Equal(new DateOnly(2025, 9, 30), period!.End);
    }

    [Theory]
    [InlineData("2024-13", PeriodFormat.Month)]
    [InlineData("2024-26", PeriodFormat.FinancialYear)]
    [InlineData("2024Q5", PeriodFormat.CalendarQuarter)]
    [InlineData("soon", PeriodFormat.CalendarYear)]
    [InlineData("2025", PeriodFormat.YearEnding)]
    public void Refuses_what_does_not_fit_the_format(string text, PeriodFormat format)
    {
        Assert.False(PeriodParser.TryParse(text, format, null, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
