namespace Safeguarding.Gateway.Audit;

/// <summary>Audit trail settings (section "Gateway:Audit").</summary>
public sealed class AuditOptions
{
    public const string Section = "Gateway:Audit";

    /// <summary>The append-only SQLite file; relative paths are under the content root. Empty: structured log only.</summary>
    public string? DatabasePath { get; set; } = "data/gateway-audit.db";
}
