using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Safeguarding.Measures.Domain;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Schema;

namespace Safeguarding.Measures.Persistence;

/// <summary>
/// The measures database. Tables come from the numbered scripts in Persistence/Migrations (ADR 0002);
/// this model only maps them: snake_case columns named after the properties.
/// </summary>
public sealed class MeasuresDbContext(DbContextOptions<MeasuresDbContext> options) : DbContext(options)
{
    public const string Module = "measures";

    private static readonly ValueConverter<Guid, string> SqliteGuid = new(g => g.ToString("D"), s => Guid.Parse(s));

    public static SchemaMigrationSet Migrations { get; } = SchemaMigrationSet.FromEmbeddedResources(
        typeof(MeasuresDbContext).Assembly, Module, "Safeguarding.Measures.Persistence.Migrations");

    public DbSet<MeasureRow> Measures => Set<MeasureRow>();

    public DbSet<MeasureRevisionRow> MeasureRevisions => Set<MeasureRevisionRow>();

    public DbSet<ContentAreaRow> ContentAreas => Set<ContentAreaRow>();

    public DbSet<ObservationRow> Observations => Set<ObservationRow>();

    public DbSet<ImportRow> Imports => Set<ImportRow>();

    public DbSet<ImportMappingRow> ImportMappings => Set<ImportMappingRow>();

    public DbSet<ReturnRow> Returns => Set<ReturnRow>();

    public DbSet<ReturnTransitionRow> ReturnTransitions => Set<ReturnTransitionRow>();

    public DbSet<ReturnViolationRow> ReturnViolations => Set<ReturnViolationRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MeasureRow>(e =>
        {
            e.ToTable("measures");
            e.HasKey(m => m.MeasureId);
        });
        modelBuilder.Entity<MeasureRevisionRow>(e =>
        {
            e.ToTable("measure_revisions");
            e.HasKey(r => new { r.MeasureId, r.Version, r.Revision });
        });
        modelBuilder.Entity<ContentAreaRow>(e =>
        {
            e.ToTable("content_areas");
            e.HasKey(a => new { a.OrganisationCode, a.ContentAreaId });
            e.Property(a => a.Revision).IsConcurrencyToken(); // no lost updates between two adaptations
        });
        modelBuilder.Entity<ObservationRow>(e =>
        {
            e.ToTable("observations");
            e.HasKey(o => o.Seq);
            e.Property(o => o.Seq).ValueGeneratedOnAdd();
            e.HasIndex(o => o.Id).IsUnique();
        });
        modelBuilder.Entity<ImportRow>(e =>
        {
            e.ToTable("imports");
            e.HasKey(i => i.ImportId);
        });
        modelBuilder.Entity<ImportMappingRow>(e =>
        {
            e.ToTable("import_mappings");
            e.HasKey(m => new { m.OrganisationCode, m.MappingId, m.Version });
        });

        modelBuilder.Entity<ReturnRow>(e =>
        {
            e.ToTable("returns");
            e.HasKey(r => new { r.OrganisationCode, r.DatasetId, r.PeriodCode });
            e.Property(r => r.Revision).IsConcurrencyToken(); // two transitions at once: one wins, one is refused
        });
        modelBuilder.Entity<ReturnTransitionRow>(e =>
        {
            e.ToTable("return_transitions");
            e.HasKey(t => t.Seq);
            e.Property(t => t.Seq).ValueGeneratedOnAdd();
        });

        modelBuilder.Entity<ReturnViolationRow>(e =>
        {
            e.ToTable("return_violations");
            e.HasKey(v => v.Seq);
            e.Property(v => v.Seq).ValueGeneratedOnAdd();
        });

        modelBuilder.UseSnakeCaseColumns(type => type.Namespace == typeof(MeasuresDbContext).Namespace);

        if (Database.IsSqlite())
        {
            // Guids as lower-case text: the bulk writer binds the same form (SqliteObservationWriter).
            modelBuilder.Entity<ObservationRow>(e =>
            {
                e.Property(o => o.Id).HasConversion(SqliteGuid);
                e.Property(o => o.Supersedes).HasConversion(SqliteGuid);
                e.Property(o => o.SupersededBy).HasConversion(SqliteGuid);
            });
        }

        modelBuilder.AddOutboxAndInbox();
    }
}
