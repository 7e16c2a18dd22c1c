using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Tables;

namespace Safeguarding.Reporting.Rendering.Layout;

/// <summary>Builders for the tables of any report type, in page order.</summary>
internal static class ReportOutline
{
    public static IReadOnlyList<Func<ReportTable>> TablesOf(ReportDocument document) => document switch
    {
        ReportBook book => BookOutline.Build(book).Tables,
        QuarterlyReport quarterly => QuarterlyOutline.Build(quarterly).Tables,
        _ => throw new NotSupportedException("No layout for " + document.GetType().Name + "."),
    };
}
