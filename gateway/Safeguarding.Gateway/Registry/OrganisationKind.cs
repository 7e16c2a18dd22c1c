namespace Safeguarding.Gateway.Registry;

/// <summary>Levels of the organisation tree (DESIGN §2): region → partnership → agency → team/locality.</summary>
public enum OrganisationKind
{
    Region,
    Partnership,
    Agency,
    Team,
    Locality,
}
