using Grpc.Core;
using Safeguarding.Cli.Connect;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Cli.Demo;

/// <summary>
/// Where each Northbridge organisation sits (its parent, whose figures its reports show and which its figures roll up
/// to). That is set up by the platform's operators inside the cluster, not by the organisation's own users through
/// the gateway (which refuses a change of parent), so the demo provisions profiles on the reporting instance directly,
/// once; each organisation's analyst then adds its strategic priorities through the gateway.
/// </summary>
internal sealed class DemoProfiles(GatewayConnection gateway, ReportingService.ReportingServiceClient provisioning)
{
    public async Task ProvisionAsync(CancellationToken cancellationToken)
    {
        foreach (var organisation in DemoPartnership.Agencies.Prepend(DemoPartnership.Partnership))
        {
            var kind = organisation.Code == DemoPartnership.PartnershipCode ? OrganisationKind.Partnership : OrganisationKind.Agency;
            await provisioning.SetReportingProfileAsync(new SetReportingProfileRequest
            {
                Profile = new ReportingProfile { OrganisationCode = organisation.Code, Name = organisation.Name, Kind = kind, ParentCode = organisation.Parent },
            }, Provisioning(organisation.Code, cancellationToken));
        }
    }

    // The instance validates the token itself: an operator's provisioning job holds one for each organisation it sets up.
    private CallOptions Provisioning(string organisation, CancellationToken cancellationToken) =>
        gateway.As(organisation, ["operator"], cancellationToken, TimeSpan.FromMinutes(1));
}
