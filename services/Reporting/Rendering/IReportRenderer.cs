using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Rendering;

/// <summary>Turns a report document into a single self-contained, accessible HTML page.</summary>
public interface IReportRenderer
{
    /// <summary>
    /// Writes the page to <paramref name="output"/>. The same document always gives the same characters:
    /// invariant formatting, document order, ids derived from the document, no clock.
    /// </summary>
    void WriteHtml(ReportDocument document, TextWriter output);
}
