using System.Globalization;
using System.Text;
using Google.Protobuf;
using Safeguarding.Measures.Import.Csv;
using Safeguarding.Measures.V1;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// `import --report FILE`: the import report kept for later. `.json` is the whole report in the API's own JSON (every
/// count, state, mismatch, organisation issue and problem the service listed); `.csv` is one row per problem and per
/// mismatch, for a spreadsheet.
/// </summary>
internal static class ImportReportFile
{
    public static async Task WriteAsync(FileInfo target, ImportReport report, CancellationToken cancellationToken)
    {
        var content = target.Extension.ToLowerInvariant() switch
        {
            ".json" => new JsonFormatter(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation()).Format(report),
            ".csv" => Csv(report),
            _ => throw new CliException($"--report {target.Name}: name a .json or a .csv file."),
        };
        target.Directory?.Create();
        await File.WriteAllTextAsync(target.FullName, content, new UTF8Encoding(false), cancellationToken);
    }

    private static string Csv(ImportReport report)
    {
        var csv = new StringBuilder();
        CsvWriter.AppendRecord(csv, ["kind", "line", "column", "code", "description", "measure", "organisation", "period", "recomputed", "published"]);
        foreach (var p in report.Problems)
        {
            CsvWriter.AppendRecord(csv, ["problem", Line(p.Row), p.Column, p.Code, p.Description, "", "", "", "", ""]);
        }

        foreach (var m in report.Mismatches)
        {
            CsvWriter.AppendRecord(csv, ["mismatch", Line(m.Row), "", "", "", m.MeasureId, m.OrganisationCode, m.PeriodCode, m.RecomputedRounded.Length > 0 ? m.RecomputedRounded : m.Recomputed, m.Published]);
        }

        return csv.ToString();
    }

    private static string Line(long row) => row.ToString(CultureInfo.InvariantCulture);
}
