namespace Safeguarding.Gateway.Auth;

/// <summary>What an RPC touches; decides which organisations the caller may target (see <see cref="AccessControl"/>).</summary>
public enum DataAccess
{
    /// <summary>The gateway's own serving status: no data, no sign-in (Kubernetes probes).</summary>
    AnonymousHealth,

    /// <summary>Health, telemetry and the registry: no organisation's data.</summary>
    Operations,

    /// <summary>Reference data that names no one (definitions, the framework library): any organisation in the region.</summary>
    Reference,

    /// <summary>Reading an organisation's row-level data: inside the organisation (and its partnership where shared). Audited.</summary>
    RowRead,

    /// <summary>Changing an organisation's data: the organisation itself and its units only. Audited.</summary>
    RowWrite,

    /// <summary>Exporting row-level data: as <see cref="RowRead"/>. Audited.</summary>
    Export,

    /// <summary>
    /// A gateway aggregation across organisations: any organisation in the region, with disclosure
    /// control on every figure that leaves its organisation. Never forwarded as is.
    /// </summary>
    Aggregate,
}
