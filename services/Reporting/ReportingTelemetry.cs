using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Safeguarding.Reporting;

/// <summary>The service's ActivitySource and Meter. Tags carry kinds, statuses and organisation codes only.</summary>
internal static class ReportingTelemetry
{
    public const string Name = "Safeguarding.Reporting";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> ReportsGenerated = Meter.CreateCounter<long>(
        "safeguarding.reporting.reports_generated", description: "Reports assembled, by kind.");

    public static readonly Counter<long> ReportsPublished = Meter.CreateCounter<long>(
        "safeguarding.reporting.reports_published", description: "Reports signed off and published, by kind.");

    /// <summary>
    /// A child span for one phase of drafting a report (reading the read models, assembling, storing): drafting a Report
    /// Book takes long enough that operators need to see which phase a slow one spent its time in. Null when nobody listens.
    /// </summary>
    public static Activity? StartDraftPhase(string phase) => Source.StartActivity("reporting.draft." + phase);

    /// <summary>Adds report attributes to the current (RPC) activity instead of starting a new one.</summary>
    public static void Tag(string organisationCode, string kind, string? reportId = null)
    {
        if (Activity.Current is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        activity.SetTag("safeguarding.organisation", organisationCode);
        activity.SetTag("safeguarding.report.kind", kind);
        if (reportId is not null)
        {
            activity.SetTag("safeguarding.report.id", reportId);
        }
    }
}
