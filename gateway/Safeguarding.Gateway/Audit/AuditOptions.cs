namespace Safeguarding.Gateway.Audit;

/// <summary>Audit trail settings (section "Gateway:Audit").</summary>
public sealed class AuditOptions
{
    public const string Section = "Gateway:Audit";

    /// <summary>The append-only SQLite file; relative paths are under the content root. Empty: structured log only.</summary>
    public string? DatabasePath { get; set; } = "data/gateway-audit.db";

    /// <summary>
    /// The secret (at least 32 bytes) the token subjects are pseudonymised with before they are recorded
    /// (docs/privacy.md). Required unless Gateway:Auth:DevelopmentKey is set; keep it for the life of the trail, or
    /// one subject's records before and after a change no longer match.
    /// </summary>
    public string? SubjectKey { get; set; }
}
