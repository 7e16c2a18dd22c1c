using Grpc.Core;
using Safeguarding.Reporting.V1;

namespace Safeguarding.EndToEnd.Tests.Scenarios.Writes;

/// <summary>
/// The actions register's write RPCs (issue 16), each tried on the owner's records: its actions, an action from its
/// recommendation, and the findings proposed for its quarterly report (raised by an overdue action of its own, so
/// there is always one to accept, edit or drop).
/// </summary>
public static class ActionsRegisterWriteCases
{
    public static IEnumerable<WriteCase> All(WriteCalls calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var service = ActionsRegisterService.Descriptor.FullName + "/";
        ActionsRegisterService.ActionsRegisterServiceClient Register() => new(calls.Platform.Channel);

        Task<RegisterAction> Create(string owner, string description, CallOptions o) =>
            Register().CreateActionAsync(new CreateActionRequest { Action = Action(owner, description) }, o).ResponseAsync;

        yield return new(service + "CreateAction", owner => Task.FromResult(new WriteProbe(
            [(_, o) => Create(owner, "Agreed by another organisation", o)],
            o => Create(owner, "Agreed by its owner", o))));
        yield return new(service + "UpdateAction", async owner =>
        {
            var theirs = await Create(owner, "Agreed by its owner", WriteCalls.As(owner));
            Task<RegisterAction> Update(string organisation, string description, CallOptions o)
            {
                var action = theirs.Clone();
                action.OrganisationCode = organisation;
                action.Description = description;
                return Register().UpdateActionAsync(new UpdateActionRequest { Action = action }, o).ResponseAsync;
            }

            return new([(_, o) => Update(owner, "Changed by another organisation", o), (acting, o) => Update(acting, "Changed by another organisation", o)],
                o => Update(owner, "Changed by its owner", o));
        });
        yield return new(service + "CreateActionFromRecommendation", async owner =>
        {
            var recommendation = await calls.Reporting.CreateNarrativeEntryAsync(new CreateNarrativeEntryRequest
            {
                Entry = new NarrativeEntry { OrganisationCode = owner, PeriodCode = "2025-01/P3M", Recommendation = new Recommendation { Text = "Run a workshop on outcome-focused plans." } },
            }, WriteCalls.As(owner));
            Task<RegisterAction> FromIt(string description, CallOptions o) => Register().CreateActionFromRecommendationAsync(new CreateActionFromRecommendationRequest
            {
                RecommendationId = recommendation.Id,
                Action = new RegisterAction { Description = description, AgreedOn = "2025-02-01", DueOn = "2025-09-30", Status = RegisterActionStatus.NotStarted },
            }, o).ResponseAsync;
            return new([(_, o) => FromIt("Taken up by another organisation", o)], o => FromIt("Taken up by its owner", o));
        });
        yield return new(service + "ProposeFindings", owner =>
        {
            Task Propose(CallOptions o) => Register().ProposeFindingsAsync(new ProposeFindingsRequest { OrganisationCode = owner, PeriodCode = "2024-10/P3M" }, o).ResponseAsync;
            return Task.FromResult(new WriteProbe([(_, o) => Propose(o)], Propose));
        });

        // Each decision on a proposal of its own quarter, so one case's decision does not meet another's.
        foreach (var (method, quarter) in new[] { ("AcceptProposal", "2025-01/P3M"), ("EditProposal", "2025-04/P3M"), ("DropProposal", "2025-07/P3M") })
        {
            yield return new(service + method, async owner =>
            {
                var proposal = await OverdueProposalAsync(Register(), owner, quarter);
                Task Decide(CallOptions o) => method switch
                {
                    "AcceptProposal" => Register().AcceptProposalAsync(new DecideProposalRequest { Id = proposal.Id, Etag = proposal.Etag }, o).ResponseAsync,
                    "EditProposal" => Register().EditProposalAsync(new EditProposalRequest { Id = proposal.Id, Etag = proposal.Etag, Text = "Reworded by the author." }, o).ResponseAsync,
                    _ => Register().DropProposalAsync(new DecideProposalRequest { Id = proposal.Id, Etag = proposal.Etag }, o).ResponseAsync,
                };
                return new([(_, o) => Decide(o)], Decide);
            });
        }
    }

    // An action of the owner's that was overdue by the quarter's end raises a proposal for further exploration.
    private static async Task<Proposal> OverdueProposalAsync(ActionsRegisterService.ActionsRegisterServiceClient register, string owner, string quarter)
    {
        var overdue = Action(owner, "Overdue by the quarter's end");
        overdue.AgreedOn = "2024-06-01";
        overdue.DueOn = "2024-09-30";
        await register.CreateActionAsync(new CreateActionRequest { Action = overdue }, WriteCalls.As(owner));
        var proposed = await register.ProposeFindingsAsync(new ProposeFindingsRequest { OrganisationCode = owner, PeriodCode = quarter }, WriteCalls.As(owner));
        return proposed.Proposals.FirstOrDefault(p => p.Status == ProposalStatus.Proposed)
            ?? throw new InvalidOperationException($"No proposal was raised for {owner} in {quarter} by its overdue action.");
    }

    private static RegisterAction Action(string owner, string description) => new()
    {
        OrganisationCode = owner, Source = RegisterActionSource.Other, Description = description,
        AgreedOn = "2025-01-15", DueOn = "2025-12-31", Status = RegisterActionStatus.InProgress,
    };
}
