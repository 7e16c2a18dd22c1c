using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Persistence;
using Safeguarding.Reporting.Persistence;

namespace Safeguarding.Reporting.ReadModels;

/// <summary>The tables a rebuild empties: everything derived from received events, nothing users wrote.</summary>
internal static class ReadModelTables
{
    public static async Task ClearAsync(ReportingDbContext db, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            // TRUNCATE takes the tables' exclusive lock at once: live consumers wait for the rebuild to commit.
            await db.Database.ExecuteSqlRawAsync(
                "TRUNCATE rm_measure_versions, rm_measure_retirements, rm_content_areas, rm_observations, rm_superseded_observations, rm_evidence_items, rm_returns",
                cancellationToken);
            return;
        }

        await db.MeasureVersions.ExecuteDeleteAsync(cancellationToken);
        await db.MeasureRetirements.ExecuteDeleteAsync(cancellationToken);
        await db.ContentAreas.ExecuteDeleteAsync(cancellationToken);
        await db.Observations.ExecuteDeleteAsync(cancellationToken);
        await db.SupersededObservations.ExecuteDeleteAsync(cancellationToken);
        await db.EvidenceItems.ExecuteDeleteAsync(cancellationToken);
        await db.Returns.ExecuteDeleteAsync(cancellationToken);
    }
}
