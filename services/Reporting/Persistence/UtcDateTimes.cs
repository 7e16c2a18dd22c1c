using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Safeguarding.Reporting.Persistence;

/// <summary>
/// Every instant is stored and read as UTC: SQLite hands DateTimes back unspecified, which protobuf
/// Timestamps and Npgsql's timestamptz both refuse.
/// </summary>
internal static class UtcDateTimes
{
    private static readonly ValueConverter<DateTime, DateTime> Converter = new(
        value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static void Apply(ModelBuilder modelBuilder, string ownNamespace)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith(ownNamespace, StringComparison.Ordinal) == true))
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)))
            {
                property.SetValueConverter(Converter);
            }
        }
    }
}
