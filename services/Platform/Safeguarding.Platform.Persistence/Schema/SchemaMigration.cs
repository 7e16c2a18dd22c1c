namespace Safeguarding.Platform.Persistence.Schema;

/// <summary>One numbered schema change of a module, as SQL for one provider.</summary>
/// <param name="Version">1, 2, 3 ... in the order they apply; never renumbered.</param>
/// <param name="Name">The script's descriptive name (<c>0002_add_unit</c> → <c>add_unit</c>).</param>
/// <param name="Script">SQL run inside one transaction.</param>
/// <param name="Checksum">SHA-256 of the script (line endings normalised): an applied script must never change.</param>
public sealed record SchemaMigration(int Version, string Name, string Script, string Checksum);
