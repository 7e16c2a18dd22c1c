using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Import;

public enum OrganisationStatus
{
    Known,
    Unknown,

    /// <summary>The code had stopped being used by the period (merger, split); successors are named.</summary>
    Replaced,
}

public sealed record OrganisationResolution(OrganisationStatus Status, IReadOnlyList<string> SuccessorCodes, string? Note = null)
{
    public static OrganisationResolution Known { get; } = new(OrganisationStatus.Known, []);

    public static OrganisationResolution Unknown { get; } = new(OrganisationStatus.Unknown, []);
}

/// <summary>
/// Tells the importer whether an organisation code is in the registry for a period. The service plugs
/// in its organisation registry; <see cref="KnownOrganisations"/> is a list-backed version.
/// </summary>
public interface IOrganisationResolver
{
    OrganisationResolution Resolve(string code, Period period);
}
