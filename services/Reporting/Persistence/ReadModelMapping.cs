using Microsoft.EntityFrameworkCore;
using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Persistence;

/// <summary>Maps the received events and read-model tables of 0001_read_models.sql (columns: snake_case by convention, see ReportingDbContext).</summary>
internal static class ReadModelMapping
{
    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReceivedEventRow>(e =>
        {
            e.ToTable("received_events");
            e.HasKey(r => r.Seq);
            e.Property(r => r.Seq).ValueGeneratedOnAdd();
        });
        modelBuilder.Entity<MeasureVersionRow>(e =>
        {
            e.ToTable("rm_measure_versions");
            e.HasKey(r => new { r.MeasureId, r.Version });
        });
        modelBuilder.Entity<MeasureRetirementRow>(e =>
        {
            e.ToTable("rm_measure_retirements");
            e.HasKey(r => new { r.MeasureId, r.Version });
        });
        modelBuilder.Entity<ContentAreaRow>(e =>
        {
            e.ToTable("rm_content_areas");
            e.HasKey(r => new { r.OrganisationCode, r.ContentAreaId });
        });
        modelBuilder.Entity<StoryRow>(e =>
        {
            e.ToTable("rm_stories");
            e.HasKey(r => r.StoryId);
        });
        modelBuilder.Entity<ObservationRow>(e =>
        {
            e.ToTable("rm_observations");
            e.HasKey(r => r.Key);
            e.Ignore(r => r.PeriodEnd);
            e.Property(r => r.Key).HasColumnName("observation_key");
        });
        modelBuilder.Entity<SupersededObservationRow>(e =>
        {
            e.ToTable("rm_superseded_observations");
            e.HasKey(r => r.ObservationId);
        });
        modelBuilder.Entity<EvidenceItemRow>(e =>
        {
            e.ToTable("rm_evidence_items");
            e.HasKey(r => r.Key);
            e.Property(r => r.Key).HasColumnName("item_key");
        });
    }
}
