using Safeguarding.Reporting.Samples;
using Safeguarding.Reporting.Tests.Support;

namespace Safeguarding.Reporting.Tests.Rendering;

public sealed class LanguageTests
{
    [Theory]
    [MemberData(nameof(PageStructureTests.Documents), MemberType = typeof(PageStructureTests))]
    public void The_phrase_poor_performance_never_appears(string which)
    {
        var html = Page.Render(PageStructureTests.Sample(which)).Html;

        Assert.DoesNotContain("poor performance", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("poor-performance", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Quarterly_report_speaks_of_doing_well_and_areas_for_further_exploration()
    {
        var page = Page.Render(SampleReports.Quarterly());
        var headings = page.All("h4").Select(h => h.Value).ToList();

        Assert.Contains("What we are doing well", headings);
        Assert.Contains("Areas for further exploration", headings);
        Assert.DoesNotContain("areas for improvement", page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Quarterly_report_has_the_templates_sections_in_order()
    {
        var page = Page.Render(SampleReports.Quarterly());

        Assert.Equal(
            [
                "Contents",
                "1. Introduction",
                "2. Our strategic priorities",
                "3. Summary of evidence available in the period",
                "4. Review of performance",
                "5. Other information and emerging issues for next period (horizon scanning)",
                "6. Recommendations for the partnership",
            ],
            page.All("h2").Select(h => h.Value));
        Assert.Equal(
            ["3.1 Quality assurance timetable and coverage", "3.2 Upkeep and completeness of our evidence", "4.1 Data", "4.2 Qualitative evidence, including audit, research and evaluation", "4.3 Voices (children, families, professionals)", "4.5 Actions: what we are doing and whether it moved the measures"],
            page.All("h3").Select(h => h.Value));
    }

    [Fact]
    public void Book_sheet_has_the_report_book_parts_in_order()
    {
        var page = Page.Render(SampleReports.Book(new SampleBookOptions { ContentAreas = 1, Measures = 2 }));
        var sheet = page.All("section").Single(s => (string?)s.Attribute("class") == "sheet");

        Assert.Equal(
            ["Why it matters", "What good looks like", "The figures", "The story behind the figures", "Actions", "Questions to ask"],
            sheet.Elements("h3").Select(h => h.Value));
    }
}
