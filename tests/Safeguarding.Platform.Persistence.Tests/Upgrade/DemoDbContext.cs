using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Persistence.Schema;

namespace Safeguarding.Platform.Persistence.Tests.Upgrade;

/// <summary>A service's model at schema version 2 of the "demo" module.</summary>
public sealed class DemoDbContext(DbContextOptions<DemoDbContext> options) : DbContext(options)
{
    public static SchemaMigrationSet Migrations { get; } = SchemaMigrationSet.FromEmbeddedResources(
        typeof(DemoDbContext).Assembly, "demo", "Safeguarding.Platform.Persistence.Tests.Upgrade.Migrations");

    public DbSet<DemoMeasure> Measures => Set<DemoMeasure>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<DemoMeasure>(measure =>
        {
            measure.ToTable("demo_measures");
            measure.HasKey(m => m.Id);
            measure.Property(m => m.Id).HasColumnName("id");
            measure.Property(m => m.Title).HasColumnName("title");
            measure.Property(m => m.Unit).HasColumnName("unit");
            measure.Property(m => m.Polarity).HasColumnName("polarity");
        });
    }
}

public sealed class DemoMeasure
{
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public string Unit { get; set; } = "";

    public string Polarity { get; set; } = "";
}
