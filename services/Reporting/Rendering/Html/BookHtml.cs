using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Charts;
using Safeguarding.Reporting.Rendering.Layout;
using Safeguarding.Reporting.Rendering.Tables;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Html;

/// <summary>
/// The annual Safeguarding Children Report Book: a sheet per content area (why it matters and what good
/// looks like, the figures, the story behind them, actions, questions to ask), the voices, and the balance of information.
/// </summary>
internal static class BookHtml
{
    public static void Write(MarkupWriter w, ReportBook book)
    {
        var outline = BookOutline.Build(book);
        var contents = new List<ContentsEntry>(book.Sheets.Count + 3) { new(BookOutline.IntroductionId, "Introduction and how to read this book") };
        for (var i = 0; i < book.Sheets.Count; i++)
        {
            contents.Add(new ContentsEntry(outline.Sheets[i].Id, SheetHeading(outline.Sheets[i], book.Sheets[i])));
        }

        contents.AddRange(outline.Curves.Select((c, i) => new ContentsEntry(c.Id, TurningTheCurveHtml.Heading(c, book.TurningTheCurve[i]))));
        contents.AddRange(book.Area is null ? [] : [new ContentsEntry(AreaOutline.BookPart.Id, AreaOutline.BookPart.Title)]);
        contents.Add(new ContentsEntry(BookOutline.StoriesId, StoriesHeading));
        contents.AddRange(outline.Timetable is { } timetable ? [new ContentsEntry(timetable.Id, TimetableHtml.Heading)] : []);
        contents.AddRange(outline.Upkeep is { } upkeep ? [new ContentsEntry(upkeep.Id, UpkeepHtml.Heading)] : []);
        contents.Add(new ContentsEntry(BookOutline.BalanceId, BalanceHeading));

        PageShell.Begin(
            w,
            book,
            [
                ("Organisation", book.Organisation.Name),
                ("Period covered", book.Period.Label),
                ("Published", Wording.Date(book.PublishedOn)),
                ("Version", book.Version),
            ],
            contents);

        Introduction(w, book);
        for (var i = 0; i < book.Sheets.Count; i++)
        {
            Sheet(w, book.Sheets[i], outline.Sheets[i]);
        }

        for (var i = 0; i < book.TurningTheCurve.Count; i++)
        {
            TurningTheCurveHtml.Write(w, book.TurningTheCurve[i], outline.Curves[i]);
        }

        if (book.Area is { } area)
        {
            AcrossTheRegion(w, area, outline.Area);
        }

        PageShell.Section(w, BookOutline.StoriesId, "story", 2, StoriesHeading);
        w.Paragraphs(book.Stories.Introduction);
        PageShell.Voices(w, book.Stories.Voices);
        w.Raw("</section>\n");

        TimetableHtml.Write(w, book.Timetable, outline.Timetable, level: 2, cssClass: "timetable");
        UpkeepHtml.Write(w, book.Upkeep, outline.Upkeep, level: 2, cssClass: "upkeep");
        Balance(w, book.Balance, outline);
        PageShell.End(w, book);
    }

    private const string StoriesHeading = "Voices: the stories behind the figures";
    private const string BalanceHeading = "Balance of information";

    private static string SheetHeading(SheetOutline outline, ContentAreaSheet sheet) =>
        outline.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ". " + sheet.Title;

    private static void Introduction(MarkupWriter w, ReportBook book)
    {
        PageShell.Section(w, BookOutline.IntroductionId, null, 2, "Introduction and how to read this book");
        w.Paragraphs(book.Introduction, "lede");
        w.Element(
            "p",
            "Each content area has its own sheet: why it matters and what good looks like, the figures, the story behind them, "
                + "the actions we are taking, and questions the board may want to ask.");
        w.Line();
        w.Element(
            "p",
            "Measures are of three types. Quantity: how much did we do? Quality: how well did we do it? "
                + "Outcome: is anyone better off? Outcome measures matter most.");
        w.Line();
        w.Element(
            "p",
            "Every chart is followed by the same figures in a table and a summary in words. "
                + "Where a figure is withheld or missing, the table says why (for example \u201csuppressed\u201d) and the chart leaves a gap.");
        w.Line();
        w.Raw("</section>\n");
    }

    private static void Sheet(MarkupWriter w, ContentAreaSheet sheet, SheetOutline outline)
    {
        w.Raw("<section class=\"sheet\"");
        w.Attr("id", outline.Id);
        w.Attr("aria-labelledby", outline.HeadingId);
        w.Raw(">\n");
        PageShell.Heading(w, 2, outline.HeadingId, SheetHeading(outline, sheet));
        w.Element("p", Wording.GroupName(sheet.Group) + " content area", "meta-line");
        w.Line();

        PageShell.Heading(w, 3, null, "Why it matters");
        w.Paragraphs(sheet.WhyItMatters);

        PageShell.Heading(w, 3, null, "What good looks like");
        if (sheet.GoodStatements.Count == 0)
        {
            w.Element("p", "No statements have been agreed for this area yet.");
            w.Line();
        }
        else
        {
            w.Raw("<ul>\n");
            foreach (var statement in sheet.GoodStatements)
            {
                w.Raw("<li><span class=\"good-type\">");
                w.Text(Wording.GoodTypeName(statement.Type) + ":");
                w.Raw("</span> ");
                w.Text(statement.Text);
                w.Raw("</li>\n");
            }

            w.Raw("</ul>\n");
        }

        PageShell.Heading(w, 3, null, "The figures");
        if (sheet.Measures.Count == 0)
        {
            w.Element("p", "No measures are reported for this area in this period.");
            w.Line();
        }

        for (var m = 0; m < sheet.Measures.Count; m++)
        {
            FigureHtml.Measure(w, sheet.Measures[m], outline.Measures[m]);
        }

        PageShell.Heading(w, 3, null, "The story behind the figures");
        w.Paragraphs(sheet.StoryBehindTheFigures);

        PageShell.Heading(w, 3, null, "Actions");
        if (outline.ActionsTable is { } actions)
        {
            TableHtml.Write(w, actions());
        }
        else
        {
            w.Element("p", "No actions have been agreed for this area in this period.");
            w.Line();
        }

        PageShell.Heading(w, 3, null, "Questions to ask");
        PageShell.List(w, sheet.ScrutinyQuestions, "No questions have been set for this area yet.");
        w.Raw("</section>\n");
    }

    private static void AcrossTheRegion(MarkupWriter w, AreaPicture area, AreaOutline? outline)
    {
        PageShell.Section(w, AreaOutline.BookPart.Id, null, 2, AreaOutline.BookPart.Title);
        // The registry knows each partnership's region but not its statistical neighbours: say so rather than guess.
        w.Element("p", "Statistical neighbours are not recorded for the region's partnerships, so each partnership is shown beside the region and England only.");
        w.Line();
        AreaPictureHtml.Write(w, area, outline, byContentArea: true);
        w.Raw("</section>\n");
    }

    private static void Balance(MarkupWriter w, BalanceOfInformation balance, BookOutline outline)
    {
        PageShell.Section(w, BookOutline.BalanceId, "balance", 2, BalanceHeading);
        w.Element(
            "p",
            "A good picture needs all three types of measure, with outcome measures most valued, and evidence from children, "
                + "parents and carers and frontline staff as well as from case records and other systems.");
        w.Line();
        Figure(w, balance, balance.ByType, Wording.TypeName, outline.BalanceByType, "measures");
        Figure(w, balance, balance.BySource, Wording.SourceName, outline.BalanceBySource, "measures");
        w.Raw("</section>\n");
    }

    private static void Figure<TCategory>(
        MarkupWriter w,
        BalanceOfInformation balance,
        IReadOnlyList<BalanceCount<TCategory>> counts,
        Func<TCategory, string> name,
        FigureOutline figure,
        string noun)
        where TCategory : struct, Enum
    {
        var shares = BalanceShares.Of(counts);
        var rows = new List<BarRow>(counts.Count * 2);
        var summary = new System.Text.StringBuilder();
        for (var i = 0; i < counts.Count; i++)
        {
            var label = name(counts[i].Category);
            var (current, previous) = shares[i];
            rows.Add(new BarRow(label + ", " + balance.CurrentLabel, current, ValueFormat.Share(current)));
            summary.Append(i == 0 ? "" : " ").Append(label).Append(": ").Append(ValueFormat.Share(current))
                .Append(" of ").Append(noun).Append(" in ").Append(balance.CurrentLabel);
            if (previous is { } before && balance.PreviousLabel is not null)
            {
                rows.Add(new BarRow(label + ", " + balance.PreviousLabel, before, ValueFormat.Share(before), Outlined: true));
                var change = Math.Round(current - before, MidpointRounding.AwayFromZero);
                summary.Append(change switch
                {
                    > 0 => ", up " + ValueFormat.Change(change, MeasureUnit.Percentage).Replace(".0 ", " ", StringComparison.Ordinal) + " from ",
                    < 0 => ", down " + ValueFormat.Change(change, MeasureUnit.Percentage).Replace(".0 ", " ", StringComparison.Ordinal) + " from ",
                    _ => ", the same as ",
                }).Append(ValueFormat.Share(before)).Append(" in ").Append(balance.PreviousLabel);
            }

            summary.Append('.');
        }

        FigureHtml.Bars(w, figure, rows, MeasureUnit.Percentage, summary.ToString());
    }
}
