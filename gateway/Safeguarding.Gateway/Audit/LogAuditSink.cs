namespace Safeguarding.Gateway.Audit;

/// <summary>Audit records as structured log events (category Safeguarding.Gateway.Audit), for log pipelines.</summary>
public sealed class LogAuditSink(ILoggerFactory loggers) : IAuditSink
{
    private readonly ILogger _logger = loggers.CreateLogger("Safeguarding.Gateway.Audit");

    public ValueTask RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        AuditLog.Recorded(_logger, record.UserId, record.UserOrganisation, record.Action, record.Rpc, record.TargetOrganisation, record.ResourceIds, record.Outcome);
        return ValueTask.CompletedTask;
    }
}
