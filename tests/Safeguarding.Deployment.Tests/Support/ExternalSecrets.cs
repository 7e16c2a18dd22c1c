using System.Text.RegularExpressions;

namespace Safeguarding.Deployment.Tests.Support;

/// <summary>A Secret the operator creates (never committed), as docs/deploy.md documents it.</summary>
internal sealed record ExternalSecret(string Name, IReadOnlySet<string> Keys, IReadOnlySet<string> Overlays);

/// <summary>
/// Reads the table under "## Secrets" in docs/deploy.md: rows "| `name` | `key`, `key` | overlay, overlay | what |".
/// A manifest may reference a Secret the overlay does not generate only if this table lists it.
/// </summary>
internal static partial class ExternalSecrets
{
    public static IReadOnlyDictionary<string, ExternalSecret> Documented()
    {
        var lines = File.ReadAllLines(Repo.PathOf("docs", "deploy.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("## Secrets", StringComparison.Ordinal));
        if (start < 0)
        {
            throw new InvalidDataException("docs/deploy.md has no \"## Secrets\" section.");
        }

        var secrets = new Dictionary<string, ExternalSecret>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 5 || !cells[1].StartsWith('`'))
            {
                continue;
            }

            var name = cells[1].Trim('`');
            var keys = Code().Matches(cells[2]).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var overlays = cells[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            secrets[name] = new ExternalSecret(name, keys, overlays);
        }

        return secrets;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
