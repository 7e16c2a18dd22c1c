namespace Safeguarding.Reporting.Rendering.Csv;

/// <summary>One table of a report as a CSV file: <paramref name="FileName"/> matches the table's id in the HTML.</summary>
public sealed record CsvTable(string FileName, string Caption, byte[] Content);
