using System.Text;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Rendering;

public static class ReportRendererExtensions
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The page as a string.</summary>
    public static string RenderHtml(this IReportRenderer renderer, ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        using var writer = new StringWriter(new StringBuilder(64 * 1024), System.Globalization.CultureInfo.InvariantCulture);
        renderer.WriteHtml(document, writer);
        return writer.ToString();
    }

    /// <summary>Streams the page as UTF-8 (no byte order mark) without holding it all in memory.</summary>
    public static void WriteHtml(this IReportRenderer renderer, ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        using var writer = new StreamWriter(output, Utf8NoBom, bufferSize: 64 * 1024, leaveOpen: true);
        renderer.WriteHtml(document, writer);
    }
}
