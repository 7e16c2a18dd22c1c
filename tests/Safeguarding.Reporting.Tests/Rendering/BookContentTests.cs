using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Samples;
using Safeguarding.Reporting.Tests.Support;

namespace Safeguarding.Reporting.Tests.Rendering;

public sealed class BookContentTests
{
    [Fact]
    public void Actions_table_links_each_action_to_the_measure_it_should_move()
    {
        var book = SampleReports.Book(new SampleBookOptions { ContentAreas = 1, Measures = 2 });
        var page = Page.Render(book);
        var actions = page.All("table").Single(t => ((string)t.Attribute("id")!).EndsWith("-actions", StringComparison.Ordinal));
        var rows = actions.Element("tbody")!.Elements("tr").ToList();

        Assert.Equal(["Action", "Source", "Owner", "Due", "Status", "Measure it should move", "Did it move?"], actions.Element("thead")!.Descendants("th").Select(th => th.Value));
        Assert.Equal(book.Sheets[0].Actions.Count, rows.Count);
        var link = rows[0].Descendants("a").Single();
        Assert.Equal(book.Sheets[0].Measures[0].Measure.Title, link.Value);
        var target = page.ById(((string)link.Attribute("href")!)[1..]);
        Assert.Equal("measure", (string?)target!.Attribute("class"));
        Assert.Equal(["Audit finding", "Northbridge Children's Services", "30 September 2025", "In progress"], rows[0].Elements("td").Take(4).Select(td => td.Value));
        Assert.Equal("Too early to tell: the action is not completed yet.", rows[0].Elements("td").Last().Value);
        Assert.Equal("", rows[1].Elements("td").First().Value); // a narrative action names no source
    }

    [Fact]
    public void Good_statements_are_typed_outcome_or_quality()
    {
        var page = Page.Render(SampleReports.Book(new SampleBookOptions { ContentAreas = 1, Measures = 1 }));
        var types = page.All("span").Where(s => (string?)s.Attribute("class") == "good-type").Select(s => s.Value).ToList();

        Assert.Equal(["Outcome:", "Quality:"], types);
    }

    [Fact]
    public void Balance_of_information_shows_shares_and_how_they_moved_since_last_year()
    {
        MeasureInfo M(MeasureType type) => new("x", "x", type, EvidenceSource.CaseRecords, MeasureUnit.Percentage, Polarity.HigherIsBetter);
        var book = Build.Book() with
        {
            Balance = BalanceOfInformation.From(
                "2024/25",
                [M(MeasureType.Outcome), M(MeasureType.Outcome), M(MeasureType.Quality), M(MeasureType.Quantity)],
                "2023/24",
                [M(MeasureType.Outcome), M(MeasureType.Quality), M(MeasureType.Quantity), M(MeasureType.Quantity)]),
        };
        var page = Page.Render(book);
        var figure = page.ById("balance-type")!;
        var outcome = figure.Element("table")!.Element("tbody")!.Elements("tr").First();

        Assert.Equal(["Outcome", "2", "50%", "1", "25%", "+25"], outcome.Elements().Select(e => e.Value));
        Assert.Contains("Outcome: 50% of measures in 2024/25, up 25 percentage points from 25% in 2023/24.", Page.TextOf(figure), StringComparison.Ordinal);
    }

    [Fact]
    public void Quarterly_breakdown_by_team_shows_suppressed_teams_in_words()
    {
        var page = Page.Render(SampleReports.Quarterly());
        var figure = page.All("figure").Single(f => ((string)f.Attribute("id")!).StartsWith("breakdown-", StringComparison.Ordinal));
        var rows = figure.Element("table")!.Element("tbody")!.Elements("tr").ToList();

        Assert.Equal(["North team", "South team", "East team", "West team"], rows.Select(r => r.Element("th")!.Value));
        Assert.Equal("suppressed", rows[2].Elements("td").First().Value);
        Assert.Equal(3, figure.Element("svg")!.Elements("rect").Count());
        Assert.Contains("East team suppressed", Page.TextOf(figure), StringComparison.Ordinal);
    }

    [Fact]
    public void Clashing_content_area_ids_still_get_unique_element_ids()
    {
        var sheet = Build.Book().Sheets[0];
        var book = Build.Book() with { Sheets = [sheet, sheet with { Title = "Neglect again" }, sheet with { ContentAreaId = "NEGLECT!" }] };

        var ids = Page.Render(book).All("section").Select(s => (string)s.Attribute("id")!).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("area-neglect", ids);
        Assert.Contains("area-neglect-2", ids);
        Assert.Contains("area-neglect-3", ids);
    }
}
