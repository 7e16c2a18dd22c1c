using System.Globalization;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Tables;

/// <summary>Builds the data tables behind every chart, and the other tabular parts of a report.</summary>
internal static class TableFactory
{
    /// <summary>One row per point of <paramref name="series"/>; comparators are matched by label.</summary>
    public static ReportTable Series(string id, string caption, string firstColumn, MeasureSeries series)
    {
        var unit = series.Measure.Unit;
        var points = series.Points;
        var hasInterval = false;
        var hasNotes = false;
        foreach (var point in points)
        {
            hasInterval |= point.Interval is not null;
            hasNotes |= point.Reason is not null;
        }

        var comparators = ComparatorLookup.Align(series);
        var columns = new List<string>(3 + comparators.Length)
        {
            firstColumn,
            series.Label + " (" + Wording.UnitSuffix(unit) + ")",
        };
        if (hasInterval)
        {
            columns.Add("Confidence interval");
        }

        foreach (var comparator in series.Comparators)
        {
            columns.Add(comparator.Label + " (" + Wording.UnitSuffix(unit) + ")");
        }

        var targets = series.Targets;
        if (targets is not null)
        {
            columns.Add("Target (" + Wording.UnitSuffix(unit) + ")");
            columns.Add("Forecast (" + Wording.UnitSuffix(unit) + ")");
        }

        if (hasNotes)
        {
            columns.Add("Notes");
        }

        var ahead = targets?.Ahead ?? [];
        var rows = new TableRow[points.Count + ahead.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var cells = new TableCell[columns.Count - 1];
            var c = 0;
            cells[c++] = Cell(point, unit);
            if (hasInterval)
            {
                cells[c++] = point.Interval is { } interval
                    ? TableCell.Range(interval.Lower, interval.Upper, unit)
                    : TableCell.Plain("");
            }

            foreach (var aligned in comparators)
            {
                cells[c++] = aligned[i] is { } other ? Cell(other, unit) : TableCell.State(Wording.StateText(PointState.NotAvailable));
            }

            if (targets is not null)
            {
                var set = targets.At(point.Label);
                cells[c++] = Optional(set?.Target, unit);
                cells[c++] = Optional(set?.Forecast, unit);
            }

            if (hasNotes)
            {
                cells[c] = TableCell.Plain(point.Reason ?? "");
            }

            rows[i] = new TableRow(point.Label, cells);
        }

        // Periods after the trend's last, with only what was set for them: no figure is due yet.
        for (var a = 0; a < ahead.Count; a++)
        {
            var cells = Enumerable.Repeat(TableCell.Plain(""), columns.Count - 1).ToArray();
            cells[0] = TableCell.State("not yet due");
            var c = columns.Count - 1 - (hasNotes ? 3 : 2);
            cells[c] = Optional(ahead[a].Target, unit);
            cells[c + 1] = Optional(ahead[a].Forecast, unit);
            rows[points.Count + a] = new TableRow(ahead[a].Label, cells);
        }

        return new ReportTable(id, caption, columns, rows);
    }

    /// <summary>Values by team or locality for one period.</summary>
    public static ReportTable Breakdown(string id, string caption, MeasureBreakdown breakdown)
    {
        var unit = breakdown.Measure.Unit;
        var hasNotes = false;
        foreach (var group in breakdown.Groups)
        {
            hasNotes |= group.Reason is not null;
        }

        var columns = new List<string>
        {
            Wording.BreakdownName(breakdown.Kind),
            breakdown.Period + " (" + Wording.UnitSuffix(unit) + ")",
        };
        if (hasNotes)
        {
            columns.Add("Notes");
        }

        var rows = new TableRow[breakdown.Groups.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var group = breakdown.Groups[i];
            rows[i] = new TableRow(
                group.Label,
                hasNotes ? [Cell(group, unit), TableCell.Plain(group.Reason ?? "")] : [Cell(group, unit)]);
        }

        return new ReportTable(id, caption, columns, rows);
    }

    /// <summary>
    /// Actions with their owner, due date, status and the measure each should move; from the actions register also
    /// where each came from and "did it move?" (with the evidence of impact).
    /// </summary>
    /// <param name="measureLink">Resolves a measure id to a cell (title, link); unknown ids are shown by title, else as given.</param>
    public static ReportTable Actions(string id, string caption, IReadOnlyList<ReportAction> actions, Func<string, TableCell?> measureLink)
    {
        var fromRegister = actions.Any(a => a.Source is not null);
        string[] columns = fromRegister
            ? ["Action", "Source", "Owner", "Due", "Status", "Measure it should move", "Did it move?"]
            : ["Action", "Owner", "Due", "Status", "Measure it should move"];
        var rows = new TableRow[actions.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var action = actions[i];
            var measure = action.MeasureId is null
                ? TableCell.Plain("")
                : measureLink(action.MeasureId) ?? TableCell.Plain(action.MeasureTitle ?? action.MeasureId);
            var status = Wording.StatusText(action.Status) + (action.Overdue ? " (overdue)" : "");
            rows[i] = new TableRow(
                action.Description,
                fromRegister
                    ?
                    [
                        TableCell.Plain(action.Source ?? ""),
                        TableCell.Plain(action.OwnerOrganisation),
                        TableCell.Plain(Wording.Date(action.DueOn)),
                        TableCell.Plain(status),
                        measure,
                        TableCell.Plain(string.Join(" ", new[] { action.Movement, action.EvidenceOfImpact is { } impact ? "Evidence of impact: " + impact : null }.Where(t => t is not null))),
                    ]
                    :
                    [
                        TableCell.Plain(action.OwnerOrganisation),
                        TableCell.Plain(Wording.Date(action.DueOn)),
                        TableCell.Plain(status),
                        measure,
                    ]);
        }

        return new ReportTable(id, caption, columns, rows);
    }

    /// <summary>Open actions and how many are overdue, by the organisation that owns them.</summary>
    public static ReportTable ActionsByOrganisation(string id, string caption, IReadOnlyList<OrganisationActionCount> counts)
    {
        string[] columns = ["Organisation", "Open actions", "Overdue"];
        var rows = counts.Select(c => new TableRow(c.Organisation,
            [TableCell.Number(c.Open.ToString(CultureInfo.InvariantCulture)), TableCell.Number(c.Overdue.ToString(CultureInfo.InvariantCulture))])).ToArray();
        return new ReportTable(id, caption, columns, rows);
    }

    /// <summary>Counts and shares per category this year and last, and how the share moved.</summary>
    public static ReportTable Balance<TCategory>(
        string id,
        string caption,
        string categoryColumn,
        BalanceOfInformation balance,
        IReadOnlyList<BalanceCount<TCategory>> counts,
        Func<TCategory, string> name)
        where TCategory : struct, Enum
    {
        var shares = BalanceShares.Of(counts);
        var hasPrevious = balance.PreviousLabel is not null;
        var columns = new List<string> { categoryColumn, balance.CurrentLabel + " measures", balance.CurrentLabel + " share" };
        if (hasPrevious)
        {
            columns.Add(balance.PreviousLabel + " measures");
            columns.Add(balance.PreviousLabel + " share");
            columns.Add("Change in share (percentage points)");
        }

        var rows = new TableRow[counts.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var count = counts[i];
            var share = shares[i];
            var cells = new List<TableCell>(5)
            {
                TableCell.Number(ValueFormat.Integer(count.Current)),
                TableCell.Number(ValueFormat.Share(share.Current)),
            };
            if (hasPrevious)
            {
                if (count.Previous is { } previous && share.Previous is { } previousShare)
                {
                    cells.Add(TableCell.Number(ValueFormat.Integer(previous)));
                    cells.Add(TableCell.Number(ValueFormat.Share(previousShare)));
                    cells.Add(TableCell.Number(SignedPoints(share.Current - previousShare)));
                }
                else
                {
                    var missing = TableCell.State(Wording.StateText(PointState.NotAvailable));
                    cells.Add(missing);
                    cells.Add(missing);
                    cells.Add(missing);
                }
            }

            rows[i] = new TableRow(name(count.Category), cells);
        }

        return new ReportTable(id, caption, columns, rows);
    }

    /// <summary>A point as a cell: its number, or its state in words — never 0.</summary>
    private static TableCell Optional(double? value, MeasureUnit unit) =>
        value is { } v ? TableCell.Number(v, unit) : TableCell.Plain("");

    public static TableCell Cell(SeriesPoint point, MeasureUnit unit) =>
        point.Value is { } value
            ? TableCell.Number(value, unit)
            : TableCell.State(Wording.StateText(point.State));

    private static string SignedPoints(double delta)
    {
        var rounded = Math.Round(delta, MidpointRounding.AwayFromZero);
        return rounded switch
        {
            > 0 => "+" + ValueFormat.Share(rounded)[..^1],
            < 0 => ValueFormat.Share(rounded)[..^1],
            _ => "0",
        };
    }

    /// <summary>One row per running clock of each open review (a review with none running still gets a row).</summary>
    public static ReportTable ReviewClocks(string id, string caption, IReadOnlyList<OpenCaseReview> reviews)
    {
        var rows = new List<TableRow>();
        foreach (var review in reviews)
        {
            if (review.Clocks.Count == 0)
            {
                rows.Add(new TableRow(review.Title, [TableCell.Plain(review.Stage), TableCell.Plain("None running"), TableCell.Plain(""), TableCell.Plain(""), TableCell.Plain("")]));
            }

            foreach (var clock in review.Clocks)
            {
                rows.Add(new TableRow(review.Title,
                [
                    TableCell.Plain(review.Stage),
                    TableCell.Plain(clock.Clock),
                    TableCell.Plain(Wording.Date(clock.DueOn)),
                    TableCell.Plain(clock.State),
                    TableCell.Number(clock.WorkingDaysRemaining.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ]));
            }
        }

        return new ReportTable(id, caption, ["Review", "Stage", "Clock", "Due", "State", "Working days left"], rows);
    }

    /// <summary>Open and overdue actions from case reviews, one row per owner organisation.</summary>
    public static ReportTable ReviewActions(string id, string caption, IReadOnlyList<OrganisationReviewActions> actions) =>
        new(id, caption, ["Organisation", "Open actions", "Overdue actions"],
        [
            .. actions.Select(a => new TableRow(a.OrganisationName, [TableCell.Number(a.Open, MeasureUnit.Count), TableCell.Number(a.Overdue, MeasureUnit.Count)])),
        ]);

    /// <summary>Learning themes by the number of reviews (and findings) they were found in.</summary>
    public static ReportTable RecurringThemes(string id, string caption, IReadOnlyList<RecurringTheme> themes) =>
        new(id, caption, ["Theme", "Reviews", "Findings"],
        [
            .. themes.Select(t => new TableRow(t.Title, [TableCell.Number(t.Reviews, MeasureUnit.Count), TableCell.Number(t.Findings, MeasureUnit.Count)])),
        ]);
}
