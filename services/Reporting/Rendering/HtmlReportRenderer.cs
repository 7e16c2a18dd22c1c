using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Html;

namespace Safeguarding.Reporting.Rendering;

/// <summary>
/// Renders quarterly "How are we doing?" reports and annual Report Books as self-contained HTML
/// (inline CSS and SVG, no scripts or external assets) meeting WCAG 2.2 AA.
/// </summary>
public sealed class HtmlReportRenderer : IReportRenderer
{
    public void WriteHtml(ReportDocument document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new MarkupWriter(output);
        switch (document)
        {
            case ReportBook book:
                BookHtml.Write(writer, book);
                break;
            case QuarterlyReport quarterly:
                QuarterlyHtml.Write(writer, quarterly);
                break;
            default:
                throw new NotSupportedException("No HTML layout for " + document.GetType().Name + ".");
        }
    }
}
