using Microsoft.EntityFrameworkCore;
using Safeguarding.Reporting.SignOff;

namespace Safeguarding.Reporting.Persistence;

/// <summary>Maps the tables of 0003_reports.sql.</summary>
internal static class ReportMapping
{
    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReportRow>(e =>
        {
            e.ToTable("reports");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id");
            e.Property(r => r.Kind).HasColumnName("kind");
            e.Property(r => r.OrganisationCode).HasColumnName("organisation_code");
            e.Property(r => r.PeriodCode).HasColumnName("period_code");
            e.Property(r => r.Title).HasColumnName("title");
            e.Property(r => r.Status).HasColumnName("status");
            e.Property(r => r.Version).HasColumnName("version");
            e.Property(r => r.Snapshot).HasColumnName("snapshot");
            e.Property(r => r.SnapshotSha256).HasColumnName("snapshot_sha256");
            e.Property(r => r.Html).HasColumnName("html");
            e.Property(r => r.HtmlSha256).HasColumnName("html_sha256");
            e.Property(r => r.CreatedAt).HasColumnName("created_at");
            e.Property(r => r.CreatedBy).HasColumnName("created_by");
            e.Property(r => r.Stamp).HasColumnName("stamp").IsConcurrencyToken();
            e.HasMany(r => r.Transitions).WithOne().HasForeignKey(t => t.ReportId);
        });
        modelBuilder.Entity<ReportTransitionRow>(e =>
        {
            e.ToTable("report_transitions");
            e.HasKey(r => new { r.ReportId, r.Seq });
            e.Property(r => r.ReportId).HasColumnName("report_id");
            e.Property(r => r.Seq).HasColumnName("seq").ValueGeneratedNever();
            e.Property(r => r.From).HasColumnName("from_status");
            e.Property(r => r.To).HasColumnName("to_status");
            e.Property(r => r.UserId).HasColumnName("user_id");
            e.Property(r => r.At).HasColumnName("at");
        });
        modelBuilder.Entity<ReportExportRow>(e =>
        {
            e.ToTable("report_exports");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(r => r.ReportId).HasColumnName("report_id");
            e.Property(r => r.Format).HasColumnName("format");
            e.Property(r => r.UserId).HasColumnName("user_id");
            e.Property(r => r.At).HasColumnName("at");
        });
    }
}
