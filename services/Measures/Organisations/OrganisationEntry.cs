namespace Safeguarding.Measures.Organisations;

/// <summary>
/// One organisation of the registry, as configured in the <c>Organisations</c> section:
/// <c>{ "Code": "E09000001", "Name": "...", "Kind": "local_authority", "Parent": "E13000001",
/// "SuccessorOf": ["E0600..."], "From": "2025-04-01" }</c>. <see cref="SuccessorOf"/> names the codes this
/// organisation replaced (a merger or a changed code) from <see cref="From"/>.
/// </summary>
public sealed record OrganisationEntry
{
    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>region | partnership | agency | local_authority.</summary>
    public string Kind { get; init; } = "agency";

    public string? Parent { get; init; }

    public IReadOnlyList<string> SuccessorOf { get; init; } = [];

    public DateOnly? From { get; init; }
}
