namespace Safeguarding.CaseReviews.Domain;

/// <summary>An organisation as the <c>Organisations</c> configuration lists it (the same section every service reads).</summary>
public sealed class OrganisationEntry
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    public string? Parent { get; set; }
}

/// <summary>Which organisations are inside a partnership: the partnership itself and everything under it.</summary>
public sealed class Partnerships(IEnumerable<OrganisationEntry> organisations)
{
    private readonly List<OrganisationEntry> _all = [.. organisations];

    public bool IsInside(string partnershipCode, string organisationCode)
    {
        if (string.Equals(partnershipCode, organisationCode, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var current = organisationCode;
        while (seen.Add(current) && _all.FirstOrDefault(o => string.Equals(o.Code, current, StringComparison.OrdinalIgnoreCase))?.Parent is { Length: > 0 } parent)
        {
            if (string.Equals(parent, partnershipCode, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            current = parent;
        }

        return false;
    }
}
