using System.Reflection;
using Safeguarding.Measures.V1;
using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Tests.ReadModels;

/// <summary>Reports read observations through a projection: it must carry every column reports can use.</summary>
public sealed class ObservationRowTests
{
    [Fact]
    public void The_report_projection_copies_every_column_but_the_key()
    {
        var row = new ObservationRow
        {
            Key = "org|m|1|2025-04/P1M|",
            OrganisationCode = "org",
            MeasureId = "m",
            MeasureVersion = 3,
            PeriodCode = "2025-04/P1M",
            PeriodStart = new DateOnly(2025, 4, 1),
            PeriodMonths = 1,
            BreakdownKey = "team=North",
            ObservationId = "obs",
            State = ObservationState.Suppressed,
            Numerator = 4,
            Denominator = 9,
            Amount = 7,
            Reason = "small",
            RoundedToNearest = 5,
            ProvenanceKind = ProvenanceKind.Audit,
            ProvenanceReference = "programme",
            RecordedAt = new DateTime(2025, 5, 2, 0, 0, 0, DateTimeKind.Utc),
        };
        var columns = typeof(ObservationRow).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        Assert.All(columns, p => Assert.NotEqual(Default(p.PropertyType), p.GetValue(row))); // a new column must be set above

        var read = ObservationRow.ForReports.Compile()(row);

        Assert.All(columns.Where(p => p.Name != nameof(ObservationRow.Key)), p => Assert.Equal(p.GetValue(row), p.GetValue(read)));
    }

    private static object? Default(Type type) => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : type == typeof(string) ? "" : null;
}
