using System.Text;
using Safeguarding.Reporting.Rendering.Charts;

namespace Safeguarding.Reporting.Rendering.Html;

/// <summary>
/// The one inline stylesheet. Colours meet WCAG 2.2 AA on white (text 4.5:1, graphics 3:1); focus is
/// always visible; print starts every sheet on a new page. Contains no '&lt;' or '&amp;', so the page stays well-formed XML.
/// </summary>
internal static class ReportStyles
{
    public static readonly string Css = Build();

    private const string Base = """
:root{color-scheme:light}
*,*::before,*::after{box-sizing:border-box}
html{font-family:Arial,Helvetica,sans-serif;font-size:100%;line-height:1.5;color:#0b0c0c;background:#ffffff}
body{margin:0}
.page{max-width:66rem;margin:0 auto;padding:0 1.25rem 2rem}
.skip-link{position:absolute;left:1rem;top:0;z-index:10;padding:.5rem 1rem;background:#ffdd00;color:#0b0c0c;transform:translateY(-150%)}
.skip-link:focus{transform:none}
a{color:#1d70b8;text-underline-offset:.15em}
a:visited{color:#4c2c92}
a:hover{color:#003078;text-decoration-thickness:3px}
a:focus-visible,[tabindex="0"]:focus-visible{outline:3px solid #0b0c0c;outline-offset:0;background:#ffdd00;color:#0b0c0c;text-decoration:none;box-shadow:0 4px #0b0c0c}
main:focus{outline:none}
.report-header{border-bottom:10px solid #1d70b8;padding:1.5rem 0 1rem;margin-bottom:1.5rem}
.eyebrow{color:#505a5f;font-size:1.1875rem;margin:0}
h1{font-size:2.25rem;line-height:1.15;margin:.25rem 0 1rem}
h2{font-size:1.75rem;line-height:1.2;margin:2.5rem 0 1rem}
h3{font-size:1.375rem;line-height:1.25;margin:2rem 0 .75rem}
h4{font-size:1.1875rem;line-height:1.3;margin:1.75rem 0 .25rem}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.5rem;margin:0}
.meta dt{font-weight:700}
.meta dd{margin:0}
.contents ol{padding-left:1.5rem}
.contents li{margin:.25rem 0}
.sheet,.story,.timetable,.upkeep,.balance{border-top:2px solid #b1b4b6;margin-top:3rem}
.lede{font-size:1.1875rem}
.meta-line{color:#505a5f;margin:0 0 .5rem}
.good-type{font-weight:700}
.hint{color:#505a5f}
figure{margin:1rem 0 2rem;padding:0}
figcaption{font-weight:700;margin-bottom:.5rem}
svg.chart{display:block;width:100%;max-width:45rem;height:auto}
.chart text{font-size:12px;fill:#0b0c0c}
.chart .tick,.chart .bar-label{text-anchor:end}
.chart .cat,.chart .value,.chart .empty{text-anchor:middle}
.chart .axis-title,.chart .empty,.chart .value{font-weight:700}
.chart .grid{stroke:#dfe3e6;stroke-width:1}
.chart .axis{stroke:#505a5f;stroke-width:1.5}
.chart .band{fill:#1d70b8;fill-opacity:.18;stroke:none}
.chart .bar{fill:#1d70b8}
.chart .bar.outline{fill:#ffffff;stroke:#1d70b8;stroke-width:2}
.chart .line{fill:none;stroke-width:2;stroke-linejoin:round}
.chart .level{stroke-width:2.5}
.chart .event{stroke:#0b0c0c;stroke-width:1.5;stroke-dasharray:2 3}
.chart .event-label{font-weight:700;text-anchor:middle}
.chart .target,.swatch .target{stroke:#0b0c0c;stroke-width:3}
.chart .forecast,.swatch .forecast{fill:none;stroke:#1d70b8;stroke-width:2;stroke-dasharray:6 4}
.chart-events{margin-top:0}
.legend{list-style:none;margin:.5rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.5rem}
.legend li{display:flex;align-items:center;gap:.5rem}
.swatch .band{fill:#1d70b8;fill-opacity:.18}
.chart-summary,.chart-note{max-width:45rem}
.chart-note{color:#505a5f}
table{border-collapse:collapse;width:100%;max-width:45rem;font-size:.9375rem;margin:.75rem 0}
caption{text-align:left;font-weight:700;padding-bottom:.25rem}
th,td{padding:.3rem .75rem .3rem 0;border-bottom:1px solid #b1b4b6;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #0b0c0c}
th[scope="row"]{min-width:6.5em}
td.num,td.state{text-align:right;font-variant-numeric:tabular-nums}
td.state{font-style:italic}
table.coverage td{padding-left:.5rem;border-left:2px solid #ffffff}
td.cover-done{background:#cce2d8}
td.cover-planned{background:#d2e2f1}
td.cover-overdue{background:#f6d7d2;font-weight:700}
td.cover-none{background:#f3f2f1;font-style:italic}
blockquote{margin:1rem 0;padding:.25rem 0 .25rem 1rem;border-left:5px solid #1d70b8}
blockquote p{margin:0;font-size:1.1875rem}
.attribution{color:#505a5f;margin:.25rem 0 1.25rem}
.chart-defs{position:absolute;width:0;height:0;overflow:hidden}
.report-footer{border-top:1px solid #b1b4b6;margin-top:3rem;padding-top:1rem;color:#505a5f}
@page{size:A4;margin:14mm}
@media print{
html{font-size:10pt}
.skip-link{display:none}
.page{max-width:none;padding:0}
.sheet,.story,.timetable,.upkeep,.balance{break-before:page;border-top:0;margin-top:0}
h2,h3,h4,figcaption,caption{break-after:avoid}
svg.chart,.legend,tr,blockquote{break-inside:avoid}
thead{display:table-header-group}
table{font-size:8pt}
th,td{padding:1px 8px 1px 0}
a,a:visited{color:#0b0c0c}
}

""";

    /// <summary>Series classes come from <see cref="SeriesStyle"/>, the single source of colour, dash and marker.</summary>
    private static string Build()
    {
        var css = new StringBuilder(Base);
        foreach (var style in SeriesStyle.All)
        {
            var n = style.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            css.Append(".s").Append(n).Append("{stroke:").Append(style.Colour);
            if (style.Dash is not null)
            {
                css.Append(";stroke-dasharray:").Append(style.Dash);
            }

            css.Append("}\n.line.s").Append(n)
                .Append("{marker-start:url(#").Append(style.MarkerId)
                .Append(");marker-mid:url(#").Append(style.MarkerId)
                .Append(");marker-end:url(#").Append(style.MarkerId).Append(")}\n");
        }

        return css.ToString();
    }
}
