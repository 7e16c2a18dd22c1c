namespace Safeguarding.Reporting.Documents;

/// <summary>The organisation a report or comparator belongs to (never a person).</summary>
public sealed record OrganisationRef(string Id, string Name, OrganisationKind Kind);

public enum OrganisationKind
{
    Agency,
    Partnership,
    Region,
}
