using Microsoft.EntityFrameworkCore;
using Safeguarding.Reporting.Narrative;

namespace Safeguarding.Reporting.Persistence;

/// <summary>Maps the tables of 0002_narrative.sql.</summary>
internal static class NarrativeMapping
{
    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NarrativeEntryRow>(e =>
        {
            e.ToTable("narrative_entries");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id");
            e.Property(r => r.OrganisationCode).HasColumnName("organisation_code");
            e.Property(r => r.Kind).HasColumnName("kind");
            e.Property(r => r.PeriodCode).HasColumnName("period_code");
            e.Property(r => r.PeriodStart).HasColumnName("period_start");
            e.Property(r => r.PeriodEnd).HasColumnName("period_end");
            e.Property(r => r.ContentAreaId).HasColumnName("content_area_id");
            e.Property(r => r.MeasureId).HasColumnName("measure_id");
            e.Property(r => r.Body).HasColumnName("body");
            e.Property(r => r.Etag).HasColumnName("etag").IsConcurrencyToken();
            e.Property(r => r.CreatedAt).HasColumnName("created_at");
            e.Property(r => r.CreatedBy).HasColumnName("created_by");
            e.Property(r => r.UpdatedAt).HasColumnName("updated_at");
            e.Property(r => r.UpdatedBy).HasColumnName("updated_by");
        });
        modelBuilder.Entity<ProfileRow>(e =>
        {
            e.ToTable("reporting_profiles");
            e.HasKey(r => r.OrganisationCode);
            e.Property(r => r.OrganisationCode).HasColumnName("organisation_code");
            e.Property(r => r.Body).HasColumnName("body");
            e.Property(r => r.Etag).HasColumnName("etag").IsConcurrencyToken();
            e.Property(r => r.UpdatedAt).HasColumnName("updated_at");
            e.Property(r => r.UpdatedBy).HasColumnName("updated_by");
        });
    }
}
