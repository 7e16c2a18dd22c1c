using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Charts;
using Safeguarding.Reporting.Rendering.Layout;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Html;

/// <summary>A contents entry: in-page target and link text.</summary>
internal readonly record struct ContentsEntry(string TargetId, string Text);

/// <summary>
/// Everything around the content: language, title, inline styles, skip link, banner with the report's
/// details, table of contents, main landmark and footer. No scripts, fonts, images or links leave the page.
/// </summary>
internal static class PageShell
{
    public static void Begin(MarkupWriter w, ReportDocument document, IReadOnlyList<(string Term, string Detail)> details, IReadOnlyList<ContentsEntry> contents)
    {
        w.Raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>");
        w.Text(document.Title + " — " + document.Organisation.Name + " — " + document.Period.Label);
        w.Raw("</title>\n<style>\n");
        w.Raw(ReportStyles.Css);
        w.Raw("</style>\n</head>\n<body>\n<a class=\"skip-link\" href=\"#");
        w.Raw(PageIds.Main);
        w.Raw("\">Skip to main content</a>\n<div class=\"page\">\n<header class=\"report-header\">\n");
        w.Element("p", document.Organisation.Name, "eyebrow");
        w.Raw("\n<h1");
        w.Attr("id", PageIds.Title);
        w.Raw('>');
        w.Text(document.Title);
        w.Raw("</h1>\n<dl class=\"meta\">");
        foreach (var (term, detail) in details)
        {
            w.Element("dt", term);
            w.Element("dd", detail);
        }

        w.Raw("</dl>\n</header>\n<nav class=\"contents\"");
        w.Attr("aria-labelledby", PageIds.Contents);
        w.Raw(">\n<h2");
        w.Attr("id", PageIds.Contents);
        w.Raw(">Contents</h2>\n<ol>\n");
        foreach (var entry in contents)
        {
            w.Raw("<li><a");
            w.Attr("href", "#" + entry.TargetId);
            w.Raw('>');
            w.Text(entry.Text);
            w.Raw("</a></li>\n");
        }

        w.Raw("</ol>\n</nav>\n<main");
        w.Attr("id", PageIds.Main);
        w.Raw(" tabindex=\"-1\">\n");
    }

    public static void End(MarkupWriter w, ReportDocument document)
    {
        w.Raw("</main>\n<footer class=\"report-footer\">\n");
        w.Element(
            "p",
            document.Title + ", " + document.Organisation.Name + ". Version " + document.Version + ", published " + Wording.Date(document.PublishedOn) + ".");
        w.Element(
            "p",
            "Where numbers are small, figures are suppressed to protect privacy. They are shown as \u201csuppressed\u201d, never as zero.");
        w.Raw("\n</footer>\n</div>\n");
        ChartDefs.Write(w);
        w.Raw("</body>\n</html>\n");
    }

    /// <summary>Opens a section labelled by its heading.</summary>
    public static void Section(MarkupWriter w, string id, string? cssClass, int level, string heading)
    {
        w.Open("section", cssClass);
        w.Attr("id", id);
        w.Attr("aria-labelledby", id + "-heading");
        w.Raw(">\n");
        Heading(w, level, id + "-heading", heading);
    }

    public static void Heading(MarkupWriter w, int level, string? id, string text)
    {
        var tag = level switch
        {
            2 => "h2",
            3 => "h3",
            4 => "h4",
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };
        w.Open(tag);
        if (id is not null)
        {
            w.Attr("id", id);
        }

        w.Raw('>');
        w.Text(text);
        w.Close(tag);
        w.Line();
    }

    public static void List(MarkupWriter w, IReadOnlyList<string> items, string emptyText)
    {
        if (items.Count == 0)
        {
            w.Element("p", emptyText);
            w.Line();
            return;
        }

        w.Raw("<ul>\n");
        foreach (var item in items)
        {
            w.Element("li", item);
            w.Line();
        }

        w.Raw("</ul>\n");
    }

    public static void Voices(MarkupWriter w, IReadOnlyList<Voice> voices)
    {
        if (voices.Count == 0)
        {
            w.Element("p", "No voices were gathered for this period.");
            w.Line();
            return;
        }

        foreach (var voice in voices)
        {
            w.Raw("<blockquote><p>");
            w.Text("\u201c" + voice.Quote + "\u201d");
            w.Raw("</p></blockquote>\n");
            w.Element("p", "\u2014 " + (voice.Attribution is { } attribution ? char.ToUpperInvariant(attribution[0]) + attribution[1..] : Wording.VoiceSourceName(voice.Source)), "attribution");
            w.Line();
        }
    }
}
