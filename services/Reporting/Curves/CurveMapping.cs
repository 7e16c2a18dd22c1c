using Microsoft.EntityFrameworkCore;

namespace Safeguarding.Reporting.Curves;

/// <summary>Maps the table of 0008_turning_the_curve.sql.</summary>
internal static class CurveMapping
{
    public static void Map(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<CurveRow>(e =>
        {
            e.ToTable("turning_the_curve_records");
            e.HasKey(r => r.Id);
            e.Property(r => r.Etag).IsConcurrencyToken();
        });
}
