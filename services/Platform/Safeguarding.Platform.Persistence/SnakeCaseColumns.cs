using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Safeguarding.Platform.Persistence;

/// <summary>
/// The platform's column naming: snake_case of the property name (<c>PeriodStart</c> → <c>period_start</c>,
/// <c>RatePer10000</c> → <c>rate_per_10000</c>), as the numbered SQL migrations create them. A column
/// named explicitly in a mapping (e.g. a key called <c>observation_key</c>) keeps its name.
/// </summary>
public static class SnakeCaseColumns
{
    /// <summary>Names every not-explicitly-named column of the entity types <paramref name="owns"/> selects.</summary>
    public static ModelBuilder UseSnakeCaseColumns(this ModelBuilder modelBuilder, Func<Type, bool> owns)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(owns);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(t => owns(t.ClrType)))
        {
            foreach (var property in entity.GetProperties().Where(p => p.FindAnnotation(RelationalAnnotationNames.ColumnName) is null))
            {
                property.SetColumnName(From(property.Name));
            }
        }

        return modelBuilder;
    }

    /// <summary>snake_case of a PascalCase name; a run of digits is one word.</summary>
    public static string From(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var builder = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(pascal[i - 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
