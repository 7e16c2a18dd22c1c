namespace Safeguarding.Gateway.Audit;

/// <summary>
/// One audited access (docs/privacy.md: who, what, when): the user (the pseudonym of their token's subject,
/// "pseudo:" and 24 hex digits) and their organisation, the RPC,
/// the organisation whose data it touched, resource ids where the gateway knows them, and whether it
/// was allowed. Never message content.
/// </summary>
public sealed record AuditRecord(
    DateTimeOffset At,
    string UserId,
    string UserOrganisation,
    AuditAction Action,
    string Rpc,
    string TargetOrganisation,
    IReadOnlyList<string> ResourceIds,
    AuditOutcome Outcome);

public enum AuditAction
{
    Read,
    Write,
    Export,
}

public enum AuditOutcome
{
    Allowed,
    Denied,
}
