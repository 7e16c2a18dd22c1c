using System.Xml;
using System.Xml.Linq;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering;

namespace Safeguarding.Reporting.Tests.Support;

/// <summary>
/// A rendered page parsed as XML. The renderer promises well-formed output, which lets tests
/// assert on structure instead of matching strings.
/// </summary>
internal sealed class Page
{
    private Page(string html, XDocument document)
    {
        Html = html;
        Document = document;
    }

    public string Html { get; }

    public XDocument Document { get; }

    public XElement Body => Document.Root!.Element("body")!;

    public static Page Render(ReportDocument report)
    {
        var html = new HtmlReportRenderer().RenderHtml(report);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return new Page(html, XDocument.Load(reader));
    }

    public IEnumerable<XElement> All(string name) => Document.Descendants(name);

    public XElement? ById(string id) => Document.Descendants().FirstOrDefault(e => (string?)e.Attribute("id") == id);

    public static string TextOf(XElement element) => string.Concat(element.DescendantNodes().OfType<XText>().Select(t => t.Value));
}
