using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Schema;

namespace Safeguarding.Surveys.Persistence;

/// <summary>
/// The surveys database. Tables come from the numbered scripts in Persistence/Migrations (ADR 0002); this model
/// only maps them: snake_case columns named after the properties.
/// </summary>
public sealed class SurveysDbContext(DbContextOptions<SurveysDbContext> options) : DbContext(options)
{
    public const string Module = "surveys";

    public static SchemaMigrationSet Migrations { get; } = SchemaMigrationSet.FromEmbeddedResources(
        typeof(SurveysDbContext).Assembly, Module, "Safeguarding.Surveys.Persistence.Migrations");

    public DbSet<QuestionnaireRow> Questionnaires => Set<QuestionnaireRow>();

    public DbSet<WaveRow> Waves => Set<WaveRow>();

    public DbSet<InvitationRow> Invitations => Set<InvitationRow>();

    public DbSet<ResponseRow> Responses => Set<ResponseRow>();

    public DbSet<StoryRow> Stories => Set<StoryRow>();

    public DbSet<DraftRow> Drafts => Set<DraftRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<QuestionnaireRow>(e =>
        {
            e.ToTable("questionnaires");
            e.HasKey(q => new { q.OrganisationCode, q.QuestionnaireId, q.Version });
        });
        modelBuilder.Entity<WaveRow>(e =>
        {
            e.ToTable("waves");
            e.HasKey(w => w.WaveId);
            // Two closes or a close racing a submission: the loser fails instead of overwriting counts.
            e.Property(w => w.Responses).IsConcurrencyToken();
            e.Property(w => w.ClosedAt).IsConcurrencyToken();
        });
        modelBuilder.Entity<InvitationRow>(e =>
        {
            e.ToTable("invitations");
            e.HasKey(i => i.CodeHash);
            e.Property(i => i.Used).IsConcurrencyToken(); // a code used twice at once: one wins
        });
        modelBuilder.Entity<ResponseRow>(e =>
        {
            e.ToTable("responses");
            e.HasKey(r => r.ResponseId);
        });
        modelBuilder.Entity<DraftRow>(e =>
        {
            e.ToTable("drafts");
            e.HasKey(d => d.CodeHash);
        });
        modelBuilder.Entity<StoryRow>(e =>
        {
            e.ToTable("stories");
            e.HasKey(s => s.StoryId);
            e.Property(s => s.State).IsConcurrencyToken();
        });

        modelBuilder.UseSnakeCaseColumns(type => type.Namespace == typeof(SurveysDbContext).Namespace);
        modelBuilder.AddOutboxAndInbox();
    }
}
