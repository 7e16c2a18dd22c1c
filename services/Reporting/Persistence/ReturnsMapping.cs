using Microsoft.EntityFrameworkCore;
using Safeguarding.Reporting.Returns;

namespace Safeguarding.Reporting.Persistence;

/// <summary>Maps the returns read model of 0007_returns.sql.</summary>
internal static class ReturnsMapping
{
    public static void Map(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ReturnRow>(e =>
        {
            e.ToTable("rm_returns");
            e.HasKey(r => new { r.OrganisationCode, r.DatasetId, r.PeriodCode });
        });
}
