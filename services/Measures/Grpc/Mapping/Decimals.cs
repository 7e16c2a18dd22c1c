using System.Globalization;
using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Grpc.Mapping;

/// <summary>Decimal strings on the wire ("1234", "12.5"): exact, culture-free.</summary>
internal static class Decimals
{
    public static string Format(decimal? value) => value is { } v ? ObservationValue.Format(v) : string.Empty;

    /// <summary>Null for an empty string; records a problem for anything that is not a plain decimal.</summary>
    public static decimal? Parse(string text, string field, ValidationProblems problems)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(field, $"{SafeText.Quote(text)} is not a decimal number such as 12 or 12.5");
        return null;
    }
}
