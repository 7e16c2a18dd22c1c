using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Support;

/// <summary>
/// Calls safeguarding.reporting.v1.ActionsRegisterService over gRPC. By default as a platform job (any organisation);
/// with <c>asOrganisation</c>, as an analyst of that organisation only, to exercise who may see and write what.
/// </summary>
public sealed class ActionsRegisterClient(GrpcChannel channel)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service =
        ActionsRegisterReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("ActionsRegisterService");

    public Task<TResponse> CallAsync<TRequest, TResponse>(string method, TRequest request, string? asOrganisation = null)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var headers = asOrganisation is null
            ? DevelopmentTokens.Headers(ReportingClient.DevelopmentKey, "user-analyst-1", "platform", ["analyst", ReportingClient.JobRole])
            : DevelopmentTokens.Headers(ReportingClient.DevelopmentKey, "user-analyst-1", asOrganisation, ["analyst"]);
        var options = new CallOptions(headers: headers, deadline: DateTime.UtcNow.AddMinutes(2));
        return channel.UnaryCall(DescriptorMethods.Create<TRequest, TResponse>(Service, method), request, options).ResponseAsync;
    }

    public Task<RegisterAction> CreateAsync(RegisterAction action, string? asOrganisation = null) =>
        CallAsync<CreateActionRequest, RegisterAction>("CreateAction", new CreateActionRequest { Action = action }, asOrganisation);

    public Task<RegisterAction> UpdateAsync(RegisterAction action, string? asOrganisation = null) =>
        CallAsync<UpdateActionRequest, RegisterAction>("UpdateAction", new UpdateActionRequest { Action = action }, asOrganisation);

    public Task<RegisterAction> GetAsync(string id, string? asOrganisation = null) =>
        CallAsync<GetActionRequest, RegisterAction>("GetAction", new GetActionRequest { Id = id }, asOrganisation);

    public async Task<IReadOnlyList<RegisterAction>> ListAsync(string organisation, bool overdueOnly = false, string? asOrganisation = null) =>
        (await CallAsync<ListActionsRequest, ListActionsResponse>("ListActions", new ListActionsRequest { OrganisationCode = organisation, OverdueOnly = overdueOnly }, asOrganisation)).Actions;

    public Task<RegisterAction> FromRecommendationAsync(string recommendationId, RegisterAction action) =>
        CallAsync<CreateActionFromRecommendationRequest, RegisterAction>("CreateActionFromRecommendation", new CreateActionFromRecommendationRequest { RecommendationId = recommendationId, Action = action });

    public async Task<IReadOnlyList<OrganisationOverdue>> OverdueAsync(string organisation) =>
        (await CallAsync<ListOverdueByOrganisationRequest, ListOverdueByOrganisationResponse>("ListOverdueByOrganisation", new ListOverdueByOrganisationRequest { OrganisationCode = organisation })).Organisations;

    public async Task<IReadOnlyList<Proposal>> ProposeAsync(string organisation, string periodCode) =>
        (await CallAsync<ProposeFindingsRequest, ListProposalsResponse>("ProposeFindings", new ProposeFindingsRequest { OrganisationCode = organisation, PeriodCode = periodCode })).Proposals;

    public Task<Proposal> AcceptAsync(string id) => CallAsync<DecideProposalRequest, Proposal>("AcceptProposal", new DecideProposalRequest { Id = id });

    public Task<Proposal> DropAsync(string id) => CallAsync<DecideProposalRequest, Proposal>("DropProposal", new DecideProposalRequest { Id = id });

    public Task<Proposal> EditAsync(string id, string text) => CallAsync<EditProposalRequest, Proposal>("EditProposal", new EditProposalRequest { Id = id, Text = text });

    /// <summary>Proposes from the evidence and accepts every line, as an author who agrees with all of it.</summary>
    public async Task AcceptAllAsync(string organisation, string periodCode)
    {
        foreach (var proposal in await ProposeAsync(organisation, periodCode))
        {
            await AcceptAsync(proposal.Id);
        }
    }
}
