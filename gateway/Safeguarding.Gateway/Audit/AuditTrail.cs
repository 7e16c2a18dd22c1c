using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Audit;

/// <summary>
/// Writes each record to every configured sink (structured log, append-only table). Stamps the time, and records
/// the user by the pseudonym of their token's subject (<see cref="SubjectPseudonyms.Pseudonym"/>), never the subject
/// itself: whatever a subject carries (a name, an NHS number) cannot reach a trail that can never be corrected, and
/// one user's records still share one pseudonym (docs/privacy.md). A failing sink fails the call that is being
/// audited (see <see cref="AuditUnavailableException"/>).
/// </summary>
public sealed class AuditTrail(IEnumerable<IAuditSink> sinks, SubjectPseudonyms subjects, TimeProvider time, ILogger<AuditTrail> logger)
{
    private readonly IAuditSink[] _sinks = [.. sinks];

    public async ValueTask RecordAsync(string userId, string userOrganisation, AuditAction action, string rpc, string target, IReadOnlyList<string> resourceIds, AuditOutcome outcome, CancellationToken cancellationToken)
    {
        var record = new AuditRecord(time.GetUtcNow(), subjects.Pseudonym(userId), userOrganisation, action, rpc, target, resourceIds, outcome);
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.RecordAsync(record, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AuditLog.StoreFailed(logger, ex.GetType().Name);
                throw new AuditUnavailableException(ex);
            }
        }
    }
}

/// <summary>An audit record could not be stored, so the audited call must not go ahead.</summary>
public sealed class AuditUnavailableException(Exception inner) : Exception("The audit trail is unavailable.", inner);
