using Safeguarding.Reporting.V1;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Gateway;

/// <summary>What a board watches, through the gateway: the actions register (with "did it move?" and overdue by
/// organisation) and the QA timetable's coverage (content area × year, and the gaps).</summary>
public sealed class BoardGateway(GatewayCalls gateway)
{
    public async Task<IReadOnlyList<RegisterAction>> ActionsAsync(SignedInUser person, CancellationToken cancellationToken) =>
        (await gateway.ActionsRegister.ListActionsAsync(new ListActionsRequest { OrganisationCode = person.Organisation }, gateway.As(person, cancellationToken))).Actions;

    public async Task<IReadOnlyList<OrganisationOverdue>> OverdueByOrganisationAsync(SignedInUser person, CancellationToken cancellationToken) =>
        (await gateway.ActionsRegister.ListOverdueByOrganisationAsync(
            new ListOverdueByOrganisationRequest { OrganisationCode = person.Organisation }, gateway.As(person, cancellationToken))).Organisations;

    public async Task<QaCoverage> CoverageAsync(SignedInUser person, CancellationToken cancellationToken) =>
        await gateway.QaPlanning.GetQaCoverageAsync(new GetQaCoverageRequest { OrganisationCode = person.Organisation }, gateway.As(person, cancellationToken));
}
