using Safeguarding.Platform.Persistence.Schema;

namespace Safeguarding.Platform.Persistence;

/// <summary>The platform's own migration module (outbox and inbox tables), applied before a service's.</summary>
public static class PlatformSchema
{
    /// <summary>Module name in <c>schema_migrations</c>.</summary>
    public const string Module = "platform";

    private static readonly Lazy<SchemaMigrationSet> Set = new(() => SchemaMigrationSet.FromEmbeddedResources(
        typeof(PlatformSchema).Assembly, Module, "Safeguarding.Platform.Persistence.Migrations"));

    /// <summary>The outbox and inbox migrations.</summary>
    public static SchemaMigrationSet Migrations => Set.Value;
}
