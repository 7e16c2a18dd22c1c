using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Schema;
using Safeguarding.Platform.Testing.Events.V1;

namespace Safeguarding.Platform.Events.Tests.Support;

public static class ProbeTopics
{
    public const string ProbeRecordedName = "testing.probe-recorded.v1";

    public static readonly EventTopic<ProbeRecorded> ProbeRecorded = new(ProbeRecordedName);

    /// <summary>A fresh topic per test, so no test sees another's queues or leftovers.</summary>
    public static EventTopic<ProbeRecorded> Unique() => new($"testing.probe-recorded-{Guid.NewGuid():N}.v1");
}

/// <summary>A service's DbContext: a domain table (probes), a consumer's table (applied_effects), outbox and inbox.</summary>
public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : DbContext(options)
{
    public static SchemaMigrationSet Migrations { get; } = SchemaMigrationSet.FromEmbeddedResources(
        typeof(ProbeDbContext).Assembly, "probes", "Safeguarding.Platform.Events.Tests.Migrations");

    public DbSet<Probe> Probes => Set<Probe>();

    public DbSet<AppliedEffect> Effects => Set<AppliedEffect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Probe>(probe =>
        {
            probe.ToTable("probes");
            probe.HasKey(p => p.Id);
            probe.Property(p => p.Id).HasColumnName("id");
            probe.Property(p => p.Organisation).HasColumnName("organisation");
            probe.Property(p => p.Sequence).HasColumnName("sequence");
        });
        modelBuilder.Entity<AppliedEffect>(effect =>
        {
            effect.ToTable("applied_effects");
            effect.HasKey(e => e.Id);
            effect.Property(e => e.Id).HasColumnName("id");
            effect.Property(e => e.ProbeId).HasColumnName("probe_id");
            effect.Property(e => e.Organisation).HasColumnName("organisation");
            effect.Property(e => e.Sequence).HasColumnName("sequence");
        });
    }
}

public sealed class Probe
{
    public string Id { get; set; } = "";

    public string Organisation { get; set; } = "";

    public long Sequence { get; set; }
}

public sealed class AppliedEffect
{
    public long Id { get; set; }

    public string ProbeId { get; set; } = "";

    public string Organisation { get; set; } = "";

    public long Sequence { get; set; }
}
