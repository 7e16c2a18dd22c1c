using Microsoft.EntityFrameworkCore;
using Safeguarding.Reporting.Annotations;
using Safeguarding.Reporting.Planning;
using Safeguarding.Reporting.Targets;

namespace Safeguarding.Reporting.Persistence;

/// <summary>Maps the tables of 0005_qa_planning.sql.</summary>
internal static class QaPlanningMapping
{
    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<QaActivityRow>(e =>
        {
            e.ToTable("qa_activities");
            e.HasKey(r => r.Id);
            e.Property(r => r.Etag).IsConcurrencyToken();
        });
        modelBuilder.Entity<ChartAnnotationRow>(e =>
        {
            e.ToTable("chart_annotations");
            e.HasKey(r => r.Id);
        });
        modelBuilder.Entity<MeasureTargetRow>(e =>
        {
            e.ToTable("measure_targets");
            e.HasKey(r => new { r.OrganisationCode, r.MeasureId, r.PeriodCode });
        });
    }
}
