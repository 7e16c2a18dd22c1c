using System.Xml.Linq;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Samples;
using Safeguarding.Reporting.Tests.Support;

namespace Safeguarding.Reporting.Tests.Rendering;

public sealed class PageStructureTests
{
    public static TheoryData<string> Documents => ["book", "quarterly"];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Headings_start_at_h1_and_never_skip_a_level(string which)
    {
        var page = Page.Render(Sample(which));
        var levels = page.Document.Descendants()
            .Where(e => e.Name.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            .Select(e => e.Name.LocalName[1] - '0')
            .ToList();

        Assert.True(levels.Count > 5);
        Assert.Equal(1, levels[0]);
        Assert.Single(levels, level => level == 1);
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"Heading {i} jumps from h{levels[i - 1]} to h{levels[i]}.");
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Page_has_language_title_and_landmarks(string which)
    {
        var page = Page.Render(Sample(which));
        var html = page.Document.Root!;

        Assert.Equal("en-GB", (string?)html.Attribute("lang"));
        Assert.False(string.IsNullOrWhiteSpace(html.Element("head")!.Element("title")!.Value));
        Assert.Single(page.All("header"));
        Assert.Single(page.All("nav"));
        Assert.Single(page.All("main"));
        Assert.Single(page.All("footer"));
        Assert.Equal("main", (string?)page.All("main").Single().Attribute("id"));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Skip_link_is_the_first_thing_in_the_body_and_points_at_main(string which)
    {
        var page = Page.Render(Sample(which));
        var first = page.Body.Elements().First();

        Assert.Equal("a", first.Name.LocalName);
        Assert.Equal("#main", (string?)first.Attribute("href"));
        Assert.Equal("skip-link", (string?)first.Attribute("class"));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Ids_are_unique_and_every_in_page_link_and_aria_reference_resolves(string which)
    {
        var page = Page.Render(Sample(which));
        var ids = page.Document.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var idSet = ids.ToHashSet(StringComparer.Ordinal);

        var hrefs = page.All("a").Select(a => (string)a.Attribute("href")!).ToList();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href =>
        {
            Assert.StartsWith("#", href, StringComparison.Ordinal);
            Assert.Contains(href[1..], idSet);
        });

        var references = page.Document.Descendants()
            .SelectMany(e => new[] { e.Attribute("aria-labelledby"), e.Attribute("aria-describedby") })
            .OfType<XAttribute>()
            .SelectMany(a => a.Value.Split(' '));
        Assert.All(references, id => Assert.Contains(id, idSet));
    }

    [Fact]
    public void Contents_links_to_every_sheet_turning_the_curve_the_voices_the_timetable_the_upkeep_and_the_balance()
    {
        var book = SampleReports.Book(new SampleBookOptions { ContentAreas = 4, Measures = 8 });
        var page = Page.Render(book);
        var links = page.All("nav").Single().Descendants("a").Select(a => (string)a.Attribute("href")!).ToList();
        var sheets = page.All("section").Where(s => (string?)s.Attribute("class") == "sheet").Select(s => "#" + (string)s.Attribute("id")!);

        Assert.Equal(book.Sheets.Count + book.TurningTheCurve.Count + 5, links.Count);
        Assert.Subset(links.ToHashSet(), sheets.ToHashSet());
        Assert.Contains("#turning-the-curve-t1", links);
        Assert.Contains("#voices", links);
        Assert.Contains("#qa-timetable", links);
        Assert.Contains("#upkeep", links);
        Assert.Contains("#balance", links);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Page_is_self_contained(string which)
    {
        var page = Page.Render(Sample(which));

        Assert.Empty(page.All("script"));
        Assert.Empty(page.All("link"));
        Assert.Empty(page.All("img"));
        Assert.Empty(page.All("iframe"));
        Assert.DoesNotContain("http://", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", page.Html.Replace("url(#", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Print_styles_start_each_sheet_on_a_new_page()
    {
        var css = Page.Render(Sample("book")).Document.Descendants("style").Single().Value;

        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.Matches(@"\.sheet[^{]*\{[^}]*break-before:page", css);
        Assert.Contains(":focus-visible", css, StringComparison.Ordinal);
    }

    [Fact]
    public void Voices_carry_only_the_quote_and_the_kind_of_person()
    {
        var page = Page.Render(Sample("book"));
        var quotes = page.All("section").Single(s => (string?)s.Attribute("id") == "voices").Elements("blockquote").ToList();
        var attributions = page.All("p").Where(p => (string?)p.Attribute("class") == "attribution").Select(p => p.Value).ToList();

        Assert.Equal(8, quotes.Count);
        Assert.Equal(quotes.Count, attributions.Count);
        Assert.All(attributions, a => Assert.Contains(a[2..], new[] { "Child or young person", "Parent or carer", "Frontline staff", "Partner professional" }));
    }

    internal static ReportDocument Sample(string which) => which switch
    {
        "book" => SampleReports.Book(new SampleBookOptions { ContentAreas = 3, Measures = 6, Years = 2 }),
        _ => SampleReports.Quarterly(),
    };
}
