using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Rendering.Csv;

/// <summary>Exports every table of a report, so boards can take the figures into a spreadsheet.</summary>
public interface ITableExporter
{
    /// <summary>One CSV per table, in the order the tables appear in the report.</summary>
    IReadOnlyList<CsvTable> ExportCsv(ReportDocument document);
}
