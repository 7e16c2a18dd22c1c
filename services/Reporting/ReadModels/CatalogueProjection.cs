using CloudNative.CloudEvents;
using Google.Protobuf;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Reporting.Persistence;

namespace Safeguarding.Reporting.ReadModels;

/// <summary>
/// The measure catalogue by version. Defined, versioned and revised events carry the measure in full;
/// a version keeps its highest revision whatever order the events arrive in.
/// </summary>
internal sealed class CatalogueProjection : IReadModelProjection
{
    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        MeasureDefined.Descriptor.FullName, MeasureVersioned.Descriptor.FullName,
        MeasureRevised.Descriptor.FullName, MeasureRetired.Descriptor.FullName,
    ];

    public IMessage Read(CloudEvent cloudEvent) => cloudEvent.Type switch
    {
        var t when t == MeasureDefined.Descriptor.FullName => ProtoCloudEvents.ReadData<MeasureDefined>(cloudEvent),
        var t when t == MeasureVersioned.Descriptor.FullName => ProtoCloudEvents.ReadData<MeasureVersioned>(cloudEvent),
        var t when t == MeasureRevised.Descriptor.FullName => ProtoCloudEvents.ReadData<MeasureRevised>(cloudEvent),
        _ => ProtoCloudEvents.ReadData<MeasureRetired>(cloudEvent),
    };

    public async Task ApplyAsync(ReportingDbContext db, IReadOnlyList<ProjectedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var projected in events)
        {
            switch (projected.Message)
            {
                case MeasureDefined defined:
                    await UpsertAsync(db, defined.Measure, cancellationToken);
                    break;
                case MeasureVersioned versioned:
                    await UpsertAsync(db, versioned.Measure, cancellationToken);
                    break;
                case MeasureRevised revised:
                    await UpsertAsync(db, revised.Measure, cancellationToken);
                    break;
                case MeasureRetired retired:
                    await RetireAsync(db, retired, cancellationToken);
                    break;
            }
        }
    }

    private static async Task UpsertAsync(ReportingDbContext db, Measure? measure, CancellationToken cancellationToken)
    {
        if (measure?.Definition is not { Id.Length: > 0 } definition || measure.Version < 1)
        {
            throw new PermanentEventFailureException("The event carries no measure id and version.");
        }

        var row = await db.MeasureVersions.FindAsync([definition.Id, measure.Version], cancellationToken);
        if (row is null)
        {
            row = new MeasureVersionRow { MeasureId = definition.Id, Version = measure.Version, Revision = int.MinValue };
            db.MeasureVersions.Add(row);
        }

        var changedAt = measure.ChangedAt?.ToDateTime();
        if (measure.Revision < row.Revision || (measure.Revision == row.Revision && Nullable.Compare(changedAt, row.ChangedAt) <= 0))
        {
            return; // An older revision arriving late.
        }

        row.Revision = measure.Revision;
        row.Title = definition.Title;
        row.ContentAreaId = definition.ContentAreaId;
        row.InformationType = definition.Type;
        row.Source = definition.Source;
        row.Method = definition.Method;
        row.Unit = definition.Unit;
        row.Polarity = definition.Polarity;
        row.Frequency = definition.Frequency;
        row.Sampling = definition.Sampling;
        row.OwnerOrganisationCode = measure.OwnerOrganisationCode;
        row.LibraryMeasureId = measure.LibraryMeasureId;
        row.MeaningHash = measure.MeaningHash;
        row.ChangedAt = changedAt;
    }

    private static async Task RetireAsync(ReportingDbContext db, MeasureRetired retired, CancellationToken cancellationToken)
    {
        if (await db.MeasureRetirements.FindAsync([retired.MeasureId, retired.Version], cancellationToken) is null)
        {
            db.MeasureRetirements.Add(new MeasureRetirementRow
            {
                MeasureId = retired.MeasureId,
                Version = retired.Version,
                Reason = retired.Reason,
                RetiredAt = retired.RetiredAt?.ToDateTime(),
            });
        }
    }
}
