using System.Security.Cryptography;
using System.Text;

namespace Safeguarding.Measures.Domain;

/// <summary>
/// A SHA-256 over the fields that give a measure its meaning, in a fixed canonical form. Two
/// definitions with the same hash measure the same thing. Definition texts are compared after trimming,
/// collapsing whitespace and lower-casing (spacing and capitalisation never change meaning); breakdowns
/// are compared as a set. Title, description and content area are left out on purpose.
/// </summary>
public static class MeaningHash
{
    /// <summary>Bump only with a migration that re-hashes stored versions.</summary>
    public const int Scheme = 1;

    public static string Compute(MeasureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var canonical = string.Join('\n', CanonicalFields(definition).Select(f => $"{f.Name}={f.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The meaning fields whose values differ between two definitions (for change records).</summary>
    public static IReadOnlyList<string> ChangedMeaningFields(MeasureDefinition before, MeasureDefinition after) =>
        [.. CanonicalFields(before).Zip(CanonicalFields(after)).Where(p => p.First.Value != p.Second.Value).Select(p => p.First.Name)];

    private static IEnumerable<(string Name, string Value)> CanonicalFields(MeasureDefinition d)
    {
        yield return ("scheme", Scheme.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("type", WireNames.ToWire(d.Type));
        yield return ("source", WireNames.ToWire(d.Source));
        yield return ("method", WireNames.ToWire(d.Method));
        yield return ("unit", WireNames.ToWire(d.Unit));
        yield return ("numerator_definition", DefinitionText(d.NumeratorDefinition));
        yield return ("denominator_definition", DefinitionText(d.DenominatorDefinition));
        yield return ("polarity", WireNames.ToWire(d.Polarity));
        yield return ("frequency", WireNames.ToWire(d.Frequency));
        yield return ("sampling", WireNames.ToWire(d.Sampling));
        yield return ("follow_up", WireNames.ToWire(d.FollowUp));
        yield return ("breakdowns", string.Join(',', d.Breakdowns.Order(StringComparer.Ordinal)));
    }

    private static string DefinitionText(string? text) =>
        Uri.EscapeDataString(Text.Normalise(text).ToLowerInvariant());
}
