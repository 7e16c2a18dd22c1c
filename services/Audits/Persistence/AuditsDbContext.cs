using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Schema;

namespace Safeguarding.Audits.Persistence;

/// <summary>
/// The audits database. Tables come from the numbered scripts in Persistence/Migrations (ADR 0002);
/// this model only maps them: snake_case columns named after the properties.
/// </summary>
public sealed class AuditsDbContext(DbContextOptions<AuditsDbContext> options) : DbContext(options)
{
    public const string Module = "audits";

    public static SchemaMigrationSet Migrations { get; } = SchemaMigrationSet.FromEmbeddedResources(
        typeof(AuditsDbContext).Assembly, Module, "Safeguarding.Audits.Persistence.Migrations");

    public DbSet<ToolRow> Tools => Set<ToolRow>();

    public DbSet<ProgrammeRow> Programmes => Set<ProgrammeRow>();

    public DbSet<ProgrammeMemberRow> ProgrammeMembers => Set<ProgrammeMemberRow>();

    public DbSet<CaseAuditRow> CaseAudits => Set<CaseAuditRow>();

    public DbSet<AnswerRow> Answers => Set<AnswerRow>();

    public DbSet<ReadLogRow> ReadLog => Set<ReadLogRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ToolRow>(e =>
        {
            e.ToTable("tools");
            e.HasKey(t => new { t.OrganisationCode, t.ToolId, t.Version });
        });
        modelBuilder.Entity<ProgrammeRow>(e =>
        {
            e.ToTable("programmes");
            e.HasKey(p => p.ProgrammeId);
            e.Property(p => p.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<ProgrammeMemberRow>(e =>
        {
            e.ToTable("programme_members");
            e.HasKey(m => new { m.ProgrammeId, m.OrganisationCode });
        });
        modelBuilder.Entity<CaseAuditRow>(e =>
        {
            e.ToTable("case_audits");
            e.HasKey(a => a.CaseAuditId);
            e.Property(a => a.Revision).IsConcurrencyToken(); // no lost updates between an auditor and a moderator
        });
        modelBuilder.Entity<AnswerRow>(e =>
        {
            e.ToTable("case_audit_answers");
            e.HasKey(a => new { a.CaseAuditId, a.CriterionId });
        });
        modelBuilder.Entity<ReadLogRow>(e =>
        {
            e.ToTable("read_log");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedOnAdd();
        });

        modelBuilder.UseSnakeCaseColumns(type => type.Namespace == typeof(AuditsDbContext).Namespace);
        modelBuilder.AddOutboxAndInbox();
    }
}
