namespace Safeguarding.Gateway.Audit;

/// <summary>
/// Where audit records go. A call is only let through once its record is written: a sink that
/// throws makes the gateway refuse the call (fail closed).
/// </summary>
public interface IAuditSink
{
    ValueTask RecordAsync(AuditRecord record, CancellationToken cancellationToken);
}
