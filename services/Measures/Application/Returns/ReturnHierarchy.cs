using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Organisations;

namespace Safeguarding.Measures.Application.Returns;

/// <summary>
/// Who takes which step on whose return, from the organisation tree (region → partnership → agency): an organisation
/// submits its own; the partnership above an agency waives or approves the agency's, and approves its own; the region
/// accepts what is under it; the organisation (while only submitted) or anyone above it reopens.
/// </summary>
public sealed class ReturnHierarchy(OrganisationRegistry organisations)
{
    /// <summary>The organisation of a return: an agency or a partnership this instance knows (NOT_FOUND otherwise).</summary>
    public Organisation ReturningOrganisation(string code)
    {
        var organisation = organisations.Find(code);
        if (organisation is not { Kind: OrganisationKind.Agency or OrganisationKind.Partnership })
        {
            throw new ResourceNotFoundException("organisation", code);
        }

        return organisation;
    }

    /// <summary>The agencies whose returns a partnership's approval rests on (none for an agency).</summary>
    public IReadOnlyList<string> Below(Organisation organisation) =>
        organisation.Kind == OrganisationKind.Partnership
            ? [.. organisations.Descendants(organisation.Code).Where(o => o.Kind == OrganisationKind.Agency && Same(o.Parent, organisation.Code)).Select(o => o.Code).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The organisations above, nearest first: the returns whose approval rests on this one's.</summary>
    public IReadOnlyList<string> Above(Organisation organisation)
    {
        var result = new List<string>();
        for (var parent = organisations.Find(organisation.Parent); parent is not null && result.Count < 8; parent = organisations.Find(parent.Parent))
        {
            result.Add(parent.Code);
        }

        return result;
    }

    public void RequireMaySubmit(string acting, Organisation organisation) =>
        Require(Same(acting, organisation.Code), "an organisation submits its own return only");

    public void RequireMayWaive(string acting, Organisation organisation) =>
        Require(organisation.Kind == OrganisationKind.Agency && Same(acting, organisation.Parent), "only the partnership above an agency waives the agency's return");

    public void RequireMayApprove(string acting, Organisation organisation) =>
        Require(
            (organisation.Kind == OrganisationKind.Agency && Same(acting, organisation.Parent))
            || (organisation.Kind == OrganisationKind.Partnership && Same(acting, organisation.Code)),
            "a partnership approves its agencies' returns and its own; nobody else approves");

    public void RequireMayAccept(string acting, Organisation organisation) =>
        Require(
            organisations.Find(acting) is { Kind: OrganisationKind.Region } region && Above(organisation).Contains(region.Code, StringComparer.OrdinalIgnoreCase),
            "only the region above a return accepts it");

    public void RequireMayReopen(string acting, Organisation organisation, ReturnState state) =>
        Require(
            Above(organisation).Contains(acting, StringComparer.OrdinalIgnoreCase) || (Same(acting, organisation.Code) && state == ReturnState.Submitted),
            "an organisation withdraws its own submission before it is approved; after that, or for a waiver, the partnership or region above reopens it");

    /// <summary>Whether <paramref name="organisation"/> is <paramref name="code"/> or below it.</summary>
    public bool IsSameOrBelow(Organisation organisation, string code) =>
        Same(organisation.Code, code) || Above(organisation).Contains(code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The caller's organisation is the return's or above it, and so is the call's target (the instance holding it).</summary>
    public void RequireOwnOrAbove(string caller, string target, Organisation organisation) =>
        Require(
            IsSameOrBelow(organisation, caller) && IsSameOrBelow(organisation, target),
            "a return's violations are its organisation's and those above it");

    private static void Require(bool allowed, string description)
    {
        if (!allowed)
        {
            throw new ReturnStepNotAllowedException("organisation_code", description);
        }
    }

    private static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
