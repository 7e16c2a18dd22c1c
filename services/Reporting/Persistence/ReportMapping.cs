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
            e.Property(r => r.SnapshotSha256).HasColumnName("snapshot_sha256");
            e.Property(r => r.HtmlSha256).HasColumnName("html_sha256");
            e.Property(r => r.Stamp).IsConcurrencyToken();
            e.HasMany(r => r.Transitions).WithOne().HasForeignKey(t => t.ReportId);
        });
        modelBuilder.Entity<ReportTransitionRow>(e =>
        {
            e.ToTable("report_transitions");
            e.HasKey(r => new { r.ReportId, r.Seq });
            e.Property(r => r.Seq).ValueGeneratedNever();
            e.Property(r => r.From).HasColumnName("from_status");
            e.Property(r => r.To).HasColumnName("to_status");
        });
        modelBuilder.Entity<ReportExportRow>(e =>
        {
            e.ToTable("report_exports");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedOnAdd();
        });
    }
}
