using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Tests.Domain;

public sealed class EesTimePeriodTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "2025", "Reporting year", "2024-04/P12M" },
        { "202425", "Financial year", "2024-04/P12M" },
        { "2024", "Calendar year", "2024-01/P12M" },
        { "202425", "Academic year", "2024-09/P12M" },
        { "2024", "Calendar year Q1", "2024-01/P3M" },
        { "202425", "Financial year Q1", "2024-04/P3M" },
        { "202425", "Financial year Q4", "2025-01/P3M" },
        { "202425", "Part 2 (October to March)", "2024-10/P6M" },
        { "2024", "March", "2024-03/P1M" },
        { "2024", "calendar year", "2024-01/P12M" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses_ees_time_identifiers(string timePeriod, string identifier, string expectedCode)
    {
        Assert.True(EesTimePeriod.TryParse(timePeriod, identifier, 3, out var period, out var error), error);
        Assert.Equal(expectedCode, period!.Code);
    }

    [Fact]
    public void Reporting_year_follows_the_mapping_year_end() =>
        Assert.Equal("2024-10/P12M", Parsed("2025", "Reporting year", 9).Code);

    [Fact]
    public void Reporting_year_without_a_year_end_is_refused()
    {
        Assert.False(EesTimePeriod.TryParse("2025", "Reporting year", null, out _, out var error));
        Assert.Contains("reporting_year_end_month", error);
    }

    [Theory]
    [InlineData("2024", "Financial year")]
    [InlineData("202426", "Financial year")]
    [InlineData("202425", "Calendar year")]
    [InlineData("20x4", "Calendar year")]
    [InlineData("202425", "Autumn term")]
    [InlineData("2024", "Week 3")]
    [InlineData("2024", "")]
    public void Refuses_mismatched_or_unsupported_periods(string timePeriod, string identifier) =>
        Assert.False(EesTimePeriod.TryParse(timePeriod, identifier, 3, out _, out _));

    private static Period Parsed(string timePeriod, string identifier, int endMonth)
    {
        Assert.True(EesTimePeriod.TryParse(timePeriod, identifier, endMonth, out var period, out var error), error);
        return period!;
    }
}
