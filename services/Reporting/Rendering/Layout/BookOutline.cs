using System.Globalization;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Tables;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Layout;

/// <summary>
/// Ids, figure numbers and tables for a Report Book, worked out once in document order.
/// The HTML and the CSV export both read this, so ids and tables always match.
/// </summary>
internal sealed class BookOutline
{
    public const string IntroductionId = "introduction";
    public const string StoriesId = "voices";
    public const string BalanceId = "balance";
    public const string HeadingSuffix = "-heading";

    private BookOutline(IReadOnlyList<SheetOutline> sheets, FigureOutline balanceByType, FigureOutline balanceBySource, IReadOnlyList<Func<ReportTable>> tables)
    {
        Sheets = sheets;
        BalanceByType = balanceByType;
        BalanceBySource = balanceBySource;
        Tables = tables;
    }

    public IReadOnlyList<SheetOutline> Sheets { get; }

    public FigureOutline BalanceByType { get; }

    public FigureOutline BalanceBySource { get; }

    /// <summary>Builders for every table of the book, in the order they appear.</summary>
    public IReadOnlyList<Func<ReportTable>> Tables { get; }

    /// <summary>The QA timetable's sheet, after the voices, when the book has one.</summary>
    public TimetableOutline? Timetable { get; private init; }

    /// <summary>A Turning the Curve sheet each, after the content areas' sheets (in the book's order).</summary>
    public IReadOnlyList<CurveOutline> Curves { get; private init; } = [];

    /// <summary>The upkeep and completeness sheet, after the timetable, when the book has one.</summary>
    public UpkeepOutline? Upkeep { get; private init; }

    /// <summary>A region's book: its partnerships beside the region and England, after the sheets, when it could be had.</summary>
    public AreaOutline? Area { get; private init; }

    public static BookOutline Build(ReportBook book)
    {
        var ids = new IdRegistry(PageIds.Reserved);
        ids.Claim(IntroductionId, null, HeadingSuffix);
        ids.Claim(StoriesId, null, HeadingSuffix);
        ids.Claim(BalanceId, null, HeadingSuffix);
        if (book.Area is not null)
        {
            ids.Claim(AreaOutline.BookPart.Id, null, HeadingSuffix);
        }

        // Pass 1: ids and figures for every sheet, so actions can link to measures on any sheet.
        var sheetIds = new string[book.Sheets.Count];
        var measures = new MeasureOutline[book.Sheets.Count][];
        var links = new Dictionary<string, TableCell>(StringComparer.Ordinal);
        for (var s = 0; s < sheetIds.Length; s++)
        {
            var sheet = book.Sheets[s];
            sheetIds[s] = ids.Claim("area", sheet.ContentAreaId, SheetOutline.DerivedIds);
            var numberPrefix = (s + 1).ToString(CultureInfo.InvariantCulture) + ".";
            var figureNumber = 0;
            measures[s] = new MeasureOutline[sheet.Measures.Count];
            for (var m = 0; m < sheet.Measures.Count; m++)
            {
                var evidence = sheet.Measures[m];
                measures[s][m] = FigureCaptions.Measure(ids, sheetIds[s], numberPrefix, ref figureNumber, evidence);
                links.TryAdd(evidence.Measure.Id, TableCell.Plain(evidence.Measure.Title, "#" + measures[s][m].Id));
            }
        }

        // Pass 2: tables in document order.
        var tables = new List<Func<ReportTable>>();
        var sheets = new SheetOutline[book.Sheets.Count];
        for (var s = 0; s < sheets.Length; s++)
        {
            var sheet = book.Sheets[s];
            foreach (var measure in measures[s])
            {
                tables.Add(measure.Trend.BuildTable);
                if (measure.YearOnYear is { } years)
                {
                    tables.Add(years.BuildTable);
                }
            }

            Func<ReportTable>? actions = null;
            if (sheet.Actions.Count > 0)
            {
                var (id, caption, outlines) = (sheetIds[s] + "-actions", "Actions for " + sheet.Title, measures[s]);
                actions = () => TableFactory.Actions(id, caption, sheet.Actions, measureId => LinkTo(sheet, outlines, links, measureId));
                tables.Add(actions);
            }

            sheets[s] = new SheetOutline(sheetIds[s], s + 1, measures[s], actions);
        }

        var curves = CurveOutline.Claim(ids, book.TurningTheCurve, tables);
        var parts = book.Sheets.Count;
        AreaOutline? area = null;
        if (book.Area is { Available: true } picture)
        {
            var figureNumber = 0;
            area = AreaOutline.Build(ids, ref figureNumber, picture, (++parts).ToString(CultureInfo.InvariantCulture) + ".");
            tables.AddRange(area.Tables);
        }

        var timetable = TimetableOutline.Build(ids, book.Timetable, withActivities: true);
        tables.AddRange(timetable?.Tables ?? []);
        var upkeep = UpkeepOutline.Build(ids, book.Upkeep);
        tables.AddRange(upkeep is null ? [] : [upkeep.Table]);

        var balance = book.Balance;
        var balanceNumber = (parts + 1).ToString(CultureInfo.InvariantCulture) + ".";
        var byType = BalanceFigure(
            ids.Claim(BalanceId, "type", FigureOutline.DerivedIds),
            balanceNumber + "1",
            "Share of measures by type",
            "Type of measure",
            balance,
            balance.ByType,
            Wording.TypeName);
        var bySource = BalanceFigure(
            ids.Claim(BalanceId, "source", FigureOutline.DerivedIds),
            balanceNumber + "2",
            "Share of measures by source of evidence",
            "Source of evidence",
            balance,
            balance.BySource,
            Wording.SourceName);
        tables.Add(byType.BuildTable);
        tables.Add(bySource.BuildTable);
        return new BookOutline(sheets, byType, bySource, tables) { Timetable = timetable, Curves = curves, Upkeep = upkeep, Area = area };
    }

    /// <summary>The measure an action should move, linked: its own sheet first, then anywhere in the book.</summary>
    private static TableCell? LinkTo(ContentAreaSheet sheet, MeasureOutline[] outlines, Dictionary<string, TableCell> bookLinks, string measureId)
    {
        for (var m = 0; m < sheet.Measures.Count; m++)
        {
            if (sheet.Measures[m].Measure.Id == measureId)
            {
                return TableCell.Plain(sheet.Measures[m].Measure.Title, "#" + outlines[m].Id);
            }
        }

        return bookLinks.TryGetValue(measureId, out var link) ? link : null;
    }

    private static FigureOutline BalanceFigure<TCategory>(
        string id,
        string number,
        string title,
        string categoryColumn,
        BalanceOfInformation balance,
        IReadOnlyList<BalanceCount<TCategory>> counts,
        Func<TCategory, string> name)
        where TCategory : struct, Enum
    {
        var caption = title + ", " + balance.CurrentLabel + (balance.PreviousLabel is null ? "" : " and " + balance.PreviousLabel);
        return new FigureOutline(
            id,
            number,
            caption,
            () => TableFactory.Balance(id + "-table", FigureCaptions.TableCaption(number, caption), categoryColumn, balance, counts, name));
    }
}

/// <summary>A content area sheet's id and number, its measures' figures and its actions table.</summary>
internal sealed record SheetOutline(string Id, int Number, IReadOnlyList<MeasureOutline> Measures, Func<ReportTable>? ActionsTable)
{
    public static readonly string[] DerivedIds = ["-heading", "-actions"];

    public string HeadingId => Id + "-heading";
}
