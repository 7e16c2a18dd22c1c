using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Schema;
using Safeguarding.Reporting.Actions;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.Proposals;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.SignOff;

namespace Safeguarding.Reporting.Persistence;

/// <summary>
/// The reporting database: received events and the read models built from them, narrative and
/// profiles, reports and their sign-off, plus the platform outbox and inbox. Schema: Migrations/.
/// </summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    public static SchemaMigrationSet Migrations { get; } = SchemaMigrationSet.FromEmbeddedResources(
        typeof(ReportingDbContext).Assembly, "reporting", "Safeguarding.Reporting.Persistence.Migrations");

    public DbSet<ReceivedEventRow> ReceivedEvents => Set<ReceivedEventRow>();

    public DbSet<MeasureVersionRow> MeasureVersions => Set<MeasureVersionRow>();

    public DbSet<MeasureRetirementRow> MeasureRetirements => Set<MeasureRetirementRow>();

    public DbSet<ContentAreaRow> ContentAreas => Set<ContentAreaRow>();

    public DbSet<ObservationRow> Observations => Set<ObservationRow>();

    public DbSet<StoryRow> Stories => Set<StoryRow>();

    public DbSet<SupersededObservationRow> SupersededObservations => Set<SupersededObservationRow>();

    public DbSet<EvidenceItemRow> EvidenceItems => Set<EvidenceItemRow>();

    public DbSet<NarrativeEntryRow> NarrativeEntries => Set<NarrativeEntryRow>();

    public DbSet<ProfileRow> Profiles => Set<ProfileRow>();

    public DbSet<ReportRow> Reports => Set<ReportRow>();

    public DbSet<ReportTransitionRow> ReportTransitions => Set<ReportTransitionRow>();

    public DbSet<ReportExportRow> ReportExports => Set<ReportExportRow>();

    public DbSet<ActionRow> RegisterActions => Set<ActionRow>();

    public DbSet<ProposalRow> Proposals => Set<ProposalRow>();

    internal DbSet<Planning.QaActivityRow> QaActivities => Set<Planning.QaActivityRow>();

    internal DbSet<Annotations.ChartAnnotationRow> ChartAnnotations => Set<Annotations.ChartAnnotationRow>();

    internal DbSet<Targets.MeasureTargetRow> MeasureTargets => Set<Targets.MeasureTargetRow>();

    internal DbSet<Curves.CurveRow> CurveRecords => Set<Curves.CurveRow>();
    public DbSet<Returns.ReturnRow> Returns => Set<Returns.ReturnRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        ReadModelMapping.Map(modelBuilder);
        NarrativeMapping.Map(modelBuilder);
        ReportMapping.Map(modelBuilder);
        ActionsMapping.Map(modelBuilder);
        QaPlanningMapping.Map(modelBuilder);
        Reporting.Curves.CurveMapping.Map(modelBuilder);
        ReturnsMapping.Map(modelBuilder);
        modelBuilder.UseSnakeCaseColumns(type => type.Namespace?.StartsWith("Safeguarding.Reporting", StringComparison.Ordinal) == true);
        UtcDateTimes.Apply(modelBuilder, "Safeguarding.Reporting");
    }
}
