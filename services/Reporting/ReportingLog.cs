namespace Safeguarding.Reporting;

/// <summary>Log messages: ids, codes, counts and statuses only, never narrative text or figures.</summary>
internal static partial class ReportingLog
{
    [LoggerMessage(1, LogLevel.Information, "Read models rebuilt from {Events} received events ({Observations} current observations) in {ElapsedMs} ms")]
    public static partial void Rebuilt(ILogger logger, long events, long observations, long elapsedMs);

    [LoggerMessage(2, LogLevel.Information, "Generated {Kind} report {ReportId} for {Organisation}")]
    public static partial void Generated(ILogger logger, string kind, string reportId, string organisation);

    [LoggerMessage(3, LogLevel.Information, "Report {ReportId} moved from {From} to {To}")]
    public static partial void Transitioned(ILogger logger, string reportId, string from, string to);

    [LoggerMessage(4, LogLevel.Warning, "PDF output for report {ReportId} is unavailable: {Reason}")]
    public static partial void PdfUnavailable(ILogger logger, string reportId, string reason);

    [LoggerMessage(5, LogLevel.Warning, "The case reviews dashboard for {Organisation} is unavailable ({Status}); the report says so")]
    public static partial void ReviewDashboardUnavailable(ILogger logger, string organisation, string status);

    [LoggerMessage(6, LogLevel.Warning, "The region's figures for {Measure} could not be had from the gateway ({Status}); the report leaves them out")]
    public static partial void AreaMeasureUnavailable(ILogger logger, string measure, string status);
}
