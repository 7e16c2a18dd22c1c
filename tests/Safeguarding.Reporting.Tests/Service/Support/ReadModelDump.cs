using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Reporting.Persistence;

namespace Safeguarding.Reporting.Tests.Service.Support;

/// <summary>Every read-model row as text in key order, so two read models can be compared exactly.</summary>
public static class ReadModelDump
{
    public static async Task<string> TakeAsync(ReportingDbContext db)
    {
        var text = new StringBuilder();
        Append(text, "measure_versions", await db.MeasureVersions.AsNoTracking().ToListAsync(), r => r.MeasureId + "|" + r.Version);
        Append(text, "measure_retirements", await db.MeasureRetirements.AsNoTracking().ToListAsync(), r => r.MeasureId + "|" + r.Version);
        Append(text, "content_areas", await db.ContentAreas.AsNoTracking().ToListAsync(), r => r.OrganisationCode + "|" + r.ContentAreaId);
        Append(text, "observations", await db.Observations.AsNoTracking().ToListAsync(), r => r.Key);
        Append(text, "superseded", await db.SupersededObservations.AsNoTracking().ToListAsync(), r => r.ObservationId);
        Append(text, "evidence", await db.EvidenceItems.AsNoTracking().ToListAsync(), r => r.Key);
        return text.ToString();
    }

    private static void Append<T>(StringBuilder text, string table, List<T> rows, Func<T, string> key)
    {
        text.Append("# ").AppendLine(table);
        foreach (var row in rows.OrderBy(key, StringComparer.Ordinal))
        {
            text.AppendLine(JsonSerializer.Serialize(row));
        }
    }
}
