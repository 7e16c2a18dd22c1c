using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.CaseReviews;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Actions;

/// <summary>The proposals RPCs: raise from the evidence, list, and the author's accept, edit or drop.</summary>
internal sealed partial class ActionsRegisterGrpcService
{
    public override async Task<ListProposalsResponse> ProposeFindings(ProposeFindingsRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        var window = Quarter(request.OrganisationCode, request.PeriodCode, context);
        var candidates = await proposer.ProposeAsync(request.OrganisationCode, window, ForwardedCredentials.From(context), context.CancellationToken);
        return new ListProposalsResponse { Proposals = { await proposals.ReplaceAsync(request.OrganisationCode, window.Code, candidates, caller, context.CancellationToken) } };
    }

    public override async Task<ListProposalsResponse> ListProposals(ListProposalsRequest request, ServerCallContext context)
    {
        Actor.From(context);
        var window = Quarter(request.OrganisationCode, request.PeriodCode, context);
        return new ListProposalsResponse { Proposals = { await proposals.ListAsync(request.OrganisationCode, window.Code, context.CancellationToken) } };
    }

    public override async Task<Proposal> AcceptProposal(DecideProposalRequest request, ServerCallContext context) =>
        await DecideAsync(request.Id, request.Etag, ProposalStatus.Accepted, null, context);

    public override async Task<Proposal> DropProposal(DecideProposalRequest request, ServerCallContext context) =>
        await DecideAsync(request.Id, request.Etag, ProposalStatus.Dropped, null, context);

    public override async Task<Proposal> EditProposal(EditProposalRequest request, ServerCallContext context) =>
        await DecideAsync(request.Id, request.Etag, ProposalStatus.Accepted, request.Text, context);

    private async Task<Proposal> DecideAsync(string id, string etag, ProposalStatus status, string? text, ServerCallContext context)
    {
        var caller = Actor.From(context);
        var stored = await proposals.GetAsync(id, context.CancellationToken);
        TargetOrganisation.From(context).RequireOwner("proposal", id, stored.OrganisationCode);
        return await proposals.DecideAsync(id, etag, status, text, caller, context.CancellationToken);
    }

    private static PeriodSpan Quarter(string organisationCode, string periodCode, ServerCallContext context)
    {
        var problems = new List<FieldProblem>();
        TextRules.Code(problems, "organisation_code", organisationCode);
        if (!PeriodSpan.TryParse(periodCode, out var window) || window.Months != 3)
        {
            problems.Add(new FieldProblem("period_code", "must be a quarter's period code, e.g. 2024-10/P3M"));
        }

        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }

        TargetOrganisation.From(context).Require("organisation_code", organisationCode);
        return window;
    }
}
