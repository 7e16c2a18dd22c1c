using System.Globalization;
using Safeguarding.Measures.V1;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// The whole import report on the console: what happened to the rows, the figures and their states, the cross-checks
/// against the publisher's own figures (with the mismatches), organisation codes taken with care, and the problems
/// grouped by code with the first lines of each — so nobody has to guess what a quiet import skipped.
/// </summary>
internal static class ImportSummary
{
    private const int LinesPerCode = 3;
    private const int MismatchesShown = 10;

    public static void Write(ImportReport report, bool definedMissingMeasures)
    {
        Columns(report);
        AnsiConsole.Write(Counts(report));
        if (report.MeasuresDefined.Count > 0)
        {
            // Below the table, one a line: ids are long and a table cell would break them.
            AnsiConsole.MarkupLine(report.DryRun ? "Measures that would be defined:" : "Measures defined:");
            foreach (var measure in report.MeasuresDefined)
            {
                AnsiConsole.MarkupLineInterpolated($"  {measure}");
            }
        }
        Mismatches(report);
        OrganisationIssues(report);
        Problems(report, definedMissingMeasures);
        AnsiConsole.MarkupLine(report.Fatal
            ? "[red]Nothing was imported:[/] the file or mapping has the problems above."
            : $"Import [bold]{Markup.Escape(report.ImportId)}[/]{(report.DryRun ? " (dry run: nothing stored)" : string.Empty)}.");
    }

    // How the file's header met the mapping: what a new mapping's author checks first.
    private static void Columns(ImportReport report)
    {
        if (report.ColumnsMatched.Count + report.ColumnsMissing.Count + report.ColumnsUnused.Count == 0)
        {
            return;
        }

        AnsiConsole.MarkupLineInterpolated($"Mapping {report.MappingId}{(report.MappingVersion > 0 ? $" version {report.MappingVersion}" : string.Empty)}:");
        AnsiConsole.MarkupLineInterpolated($"  columns matched: {List(report.ColumnsMatched)}");
        if (report.ColumnsMissing.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"  [red]columns missing from the file[/]: {List(report.ColumnsMissing)}");
        }

        AnsiConsole.MarkupLineInterpolated($"  columns in the file the mapping does not use: {List(report.ColumnsUnused)}");
        static string List(IEnumerable<string> names) => names.Any() ? string.Join(", ", names.Select(n => $"'{n}'")) : "none";
    }

    private static Table Counts(ImportReport report)
    {
        var table = new Table().AddColumns("", "count");
        void Row(string label, long value) => table.AddRow(Markup.Escape(label), value.ToString("N0", CultureInfo.InvariantCulture));
        Row("rows read", report.RowsRead);
        Row("rows imported", report.RowsImported);
        Row("rows skipped by the mapping (levels or categories it does not import)", report.RowsSkipped);
        Row("rows of other organisations", report.RowsOutOfScope);
        Row("rows rejected", report.RowsRejected);
        Row(report.DryRun ? "figures that would be stored" : "figures stored", report.ObservationsRecorded);
        Row("figures unchanged", report.ObservationsSkippedIdentical);
        Row("figures superseded", report.ObservationsSuperseded);
        foreach (var (state, count) in report.States.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Row($"figures {state}", count);
        }

        Row("published figures matched", report.ChecksMatched);
        Row("published figures mismatched", report.ChecksMismatched);
        Row("published figures not checked", report.ChecksNotChecked);
        return table;
    }

    private static void Mismatches(ImportReport report)
    {
        if (report.Mismatches.Count == 0)
        {
            return;
        }

        AnsiConsole.MarkupLine("[yellow]Figures that disagree with the publisher's own:[/]");
        var table = new Table().AddColumns("line", "measure", "organisation", "period", "recomputed", "published");
        foreach (var m in report.Mismatches.Take(MismatchesShown))
        {
            table.AddRow(m.Row.ToString(CultureInfo.InvariantCulture), Markup.Escape(m.MeasureId), Markup.Escape(m.OrganisationCode), Markup.Escape(m.PeriodCode),
                Markup.Escape(m.RecomputedRounded.Length > 0 ? m.RecomputedRounded : m.Recomputed), Markup.Escape(m.Published));
        }

        AnsiConsole.Write(table);
        More(report.ChecksMismatched - MismatchesShown, "mismatches");
    }

    private static void OrganisationIssues(ImportReport report)
    {
        foreach (var issue in report.OrganisationIssues)
        {
            AnsiConsole.MarkupLineInterpolated($"  [yellow]{issue.Code}[/]: {issue.Problem.Replace('_', ' ')} ({issue.Rows} rows, first on line {issue.FirstRow})");
        }
    }

    private static void Problems(ImportReport report, bool definedMissingMeasures)
    {
        foreach (var (code, count) in report.ProblemCounts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{code}[/]: {count:N0} {(count == 1 ? "problem" : "problems")}");
            // A cell that feeds several measures is reported once per measure: show it once.
            var listed = report.Problems.Where(p => p.Code == code).DistinctBy(p => (p.Row, p.Column, p.Description)).ToList();
            foreach (var problem in listed.Take(LinesPerCode))
            {
                AnsiConsole.MarkupLineInterpolated($"  line {problem.Row} {problem.Column}: {problem.Description}");
            }

            More(listed.Count - LinesPerCode, "lines of this kind listed");
        }

        if (!definedMissingMeasures && report.ProblemCounts.ContainsKey("undefined_measure"))
        {
            AnsiConsole.MarkupLine("The mapping's measures are not defined for this organisation yet: run the import again with [bold]--define-missing-measures[/] to define them with the first batch.");
        }

        if (report.ProblemsTotal > report.Problems.Count)
        {
            AnsiConsole.MarkupLineInterpolated($"The service listed the first {report.Problems.Count:N0} of {report.ProblemsTotal:N0} problems; --report writes them with every count.");
        }
    }

    private static void More(long left, string what)
    {
        if (left > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"  ... and {left:N0} more {what}.");
        }
    }
}
