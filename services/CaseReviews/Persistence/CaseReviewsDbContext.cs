using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Schema;

namespace Safeguarding.CaseReviews.Persistence;

/// <summary>The case reviews database. Tables come from Persistence/Migrations (ADR 0002); this model only maps them.</summary>
public sealed class CaseReviewsDbContext(DbContextOptions<CaseReviewsDbContext> options) : DbContext(options)
{
    public const string Module = "casereviews";

    public static SchemaMigrationSet Migrations { get; } = SchemaMigrationSet.FromEmbeddedResources(
        typeof(CaseReviewsDbContext).Assembly, Module, "Safeguarding.CaseReviews.Persistence.Migrations");

    public DbSet<ReviewRow> Reviews => Set<ReviewRow>();

    public DbSet<ReviewReadRow> Reads => Set<ReviewReadRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReviewRow>(e =>
        {
            e.ToTable("case_reviews");
            e.HasKey(r => r.ReviewId);
            e.Property(r => r.Revision).IsConcurrencyToken(); // two coordinators' changes never overwrite each other
        });
        modelBuilder.Entity<ReviewReadRow>(e =>
        {
            e.ToTable("review_reads");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedOnAdd();
        });
        modelBuilder.UseSnakeCaseColumns(type => type.Namespace == typeof(CaseReviewsDbContext).Namespace);
        modelBuilder.AddOutboxAndInbox();
    }
}
