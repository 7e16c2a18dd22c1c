using System.Text.Json;
using CloudNative.CloudEvents;
using Google.Protobuf;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Reporting.Persistence;

namespace Safeguarding.Reporting.ReadModels;

/// <summary>
/// Imports as evidence items: one per organisation an import covered, so a report can say which files
/// its figures came from. Audits, survey waves and case reviews add their own projections into the same table.
/// </summary>
internal sealed class EvidenceProjection : IReadModelProjection
{
    public IReadOnlyCollection<string> EventTypes { get; } = [ObservationsImported.Descriptor.FullName];

    public IMessage Read(CloudEvent cloudEvent) => ProtoCloudEvents.ReadData<ObservationsImported>(cloudEvent);

    public async Task ApplyAsync(ReportingDbContext db, IReadOnlyList<ProjectedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var projected in events)
        {
            var imported = (ObservationsImported)projected.Message;
            if (imported.ImportId.Length == 0)
            {
                throw new PermanentEventFailureException("An import summary without an import id.");
            }

            var payload = JsonSerializer.Serialize(new ImportPayload(
                imported.MappingId, imported.RowsRead, imported.ObservationsRecorded, imported.ObservationsSuperseded));
            foreach (var organisation in imported.OrganisationCodes.Distinct(StringComparer.Ordinal))
            {
                var key = "import:" + imported.ImportId + ":" + organisation;
                if (await db.EvidenceItems.FindAsync([key], cancellationToken) is not null)
                {
                    continue;
                }

                db.EvidenceItems.Add(new EvidenceItemRow
                {
                    Key = key,
                    OrganisationCode = organisation,
                    Kind = EvidenceKinds.Import,
                    Source = Source.Unspecified,
                    Reference = imported.ImportId,
                    Title = "Imported data (" + imported.MappingId + ")",
                    OccurredAt = imported.CompletedAt?.ToDateTime(),
                    Payload = payload,
                });
            }
        }
    }

    private sealed record ImportPayload(string MappingId, long RowsRead, long ObservationsRecorded, long ObservationsSuperseded);
}
