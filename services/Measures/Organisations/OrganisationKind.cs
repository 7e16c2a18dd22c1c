namespace Safeguarding.Measures.Organisations;

/// <summary>Levels of the organisation tree (DESIGN §2): region → partnership → agency; local authorities as EES publishes them.</summary>
public enum OrganisationKind
{
    Region,
    Partnership,
    Agency,
    LocalAuthority,
}
