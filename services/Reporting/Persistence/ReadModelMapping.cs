using Microsoft.EntityFrameworkCore;
using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Persistence;

/// <summary>Maps the received events and read-model tables of 0001_read_models.sql.</summary>
internal static class ReadModelMapping
{
    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReceivedEventRow>(e =>
        {
            e.ToTable("received_events");
            e.HasKey(r => r.Seq);
            e.Property(r => r.Seq).HasColumnName("seq").ValueGeneratedOnAdd();
            e.Property(r => r.EventId).HasColumnName("event_id");
            e.Property(r => r.Topic).HasColumnName("topic");
            e.Property(r => r.Type).HasColumnName("type");
            e.Property(r => r.Subject).HasColumnName("subject");
            e.Property(r => r.EventTime).HasColumnName("event_time");
            e.Property(r => r.ReceivedAt).HasColumnName("received_at");
            e.Property(r => r.Envelope).HasColumnName("envelope");
        });
        modelBuilder.Entity<MeasureVersionRow>(e =>
        {
            e.ToTable("rm_measure_versions");
            e.HasKey(r => new { r.MeasureId, r.Version });
            e.Property(r => r.MeasureId).HasColumnName("measure_id");
            e.Property(r => r.Version).HasColumnName("version");
            e.Property(r => r.Revision).HasColumnName("revision");
            e.Property(r => r.Title).HasColumnName("title");
            e.Property(r => r.ContentAreaId).HasColumnName("content_area_id");
            e.Property(r => r.InformationType).HasColumnName("information_type");
            e.Property(r => r.Source).HasColumnName("source");
            e.Property(r => r.Method).HasColumnName("method");
            e.Property(r => r.Unit).HasColumnName("unit");
            e.Property(r => r.Polarity).HasColumnName("polarity");
            e.Property(r => r.Frequency).HasColumnName("frequency");
            e.Property(r => r.Sampling).HasColumnName("sampling");
            e.Property(r => r.OwnerOrganisationCode).HasColumnName("owner_organisation_code");
            e.Property(r => r.MeaningHash).HasColumnName("meaning_hash");
            e.Property(r => r.ChangedAt).HasColumnName("changed_at");
        });
        modelBuilder.Entity<MeasureRetirementRow>(e =>
        {
            e.ToTable("rm_measure_retirements");
            e.HasKey(r => new { r.MeasureId, r.Version });
            e.Property(r => r.MeasureId).HasColumnName("measure_id");
            e.Property(r => r.Version).HasColumnName("version");
            e.Property(r => r.Reason).HasColumnName("reason");
            e.Property(r => r.RetiredAt).HasColumnName("retired_at");
        });
        modelBuilder.Entity<ContentAreaRow>(e =>
        {
            e.ToTable("rm_content_areas");
            e.HasKey(r => new { r.OrganisationCode, r.ContentAreaId });
            e.Property(r => r.OrganisationCode).HasColumnName("organisation_code");
            e.Property(r => r.ContentAreaId).HasColumnName("content_area_id");
            e.Property(r => r.UpdatedAt).HasColumnName("updated_at");
            e.Property(r => r.EventId).HasColumnName("event_id");
            e.Property(r => r.Retired).HasColumnName("retired");
            e.Property(r => r.Body).HasColumnName("body");
        });
        modelBuilder.Entity<ObservationRow>(e =>
        {
            e.ToTable("rm_observations");
            e.HasKey(r => r.Key);
            e.Ignore(r => r.PeriodEnd);
            e.Property(r => r.Key).HasColumnName("observation_key");
            e.Property(r => r.OrganisationCode).HasColumnName("organisation_code");
            e.Property(r => r.MeasureId).HasColumnName("measure_id");
            e.Property(r => r.MeasureVersion).HasColumnName("measure_version");
            e.Property(r => r.PeriodCode).HasColumnName("period_code");
            e.Property(r => r.PeriodStart).HasColumnName("period_start");
            e.Property(r => r.PeriodMonths).HasColumnName("period_months");
            e.Property(r => r.BreakdownKey).HasColumnName("breakdown_key");
            e.Property(r => r.ObservationId).HasColumnName("observation_id");
            e.Property(r => r.State).HasColumnName("state");
            e.Property(r => r.Numerator).HasColumnName("numerator");
            e.Property(r => r.Denominator).HasColumnName("denominator");
            e.Property(r => r.Amount).HasColumnName("amount");
            e.Property(r => r.Reason).HasColumnName("reason");
            e.Property(r => r.RoundedToNearest).HasColumnName("rounded_to_nearest");
            e.Property(r => r.ProvenanceKind).HasColumnName("provenance_kind");
            e.Property(r => r.ProvenanceReference).HasColumnName("provenance_reference");
            e.Property(r => r.RecordedAt).HasColumnName("recorded_at");
        });
        modelBuilder.Entity<SupersededObservationRow>(e =>
        {
            e.ToTable("rm_superseded_observations");
            e.HasKey(r => r.ObservationId);
            e.Property(r => r.ObservationId).HasColumnName("observation_id");
            e.Property(r => r.SupersededBy).HasColumnName("superseded_by");
        });
        modelBuilder.Entity<EvidenceItemRow>(e =>
        {
            e.ToTable("rm_evidence_items");
            e.HasKey(r => r.Key);
            e.Property(r => r.Key).HasColumnName("item_key");
            e.Property(r => r.OrganisationCode).HasColumnName("organisation_code");
            e.Property(r => r.Kind).HasColumnName("kind");
            e.Property(r => r.Source).HasColumnName("source");
            e.Property(r => r.ContentAreaId).HasColumnName("content_area_id");
            e.Property(r => r.PeriodStart).HasColumnName("period_start");
            e.Property(r => r.PeriodEnd).HasColumnName("period_end");
            e.Property(r => r.Reference).HasColumnName("reference");
            e.Property(r => r.Title).HasColumnName("title");
            e.Property(r => r.OccurredAt).HasColumnName("occurred_at");
            e.Property(r => r.Payload).HasColumnName("payload");
        });
    }
}
