using Safeguarding.Gateway.Registry;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>What an area's instances of one service answered: every member's outcome, in members' order, and the answers.</summary>
public sealed record AreaAnswers<T>(IReadOnlyList<OrganisationResult> Outcomes, IReadOnlyList<(Organisation Organisation, T Value)> Answered)
{
    /// <summary>Some member that runs the service did not answer: totals over the answers would be partial sums.</summary>
    public bool Incomplete { get; init; }
}

/// <summary>
/// Asks each of an area's members that runs a service through the fan-out engine (members without an instance are
/// "no instance", never asked): the shared first half of the area reads of audits, surveys and shared stories.
/// </summary>
public static class AreaInstances
{
    public static async Task<AreaAnswers<T>> AskAsync<T>(
        FanOutEngine fanOut, RegistrySnapshot registry, IReadOnlyList<Organisation> members, string service,
        Func<Uri, string, CallBudget, Task<T>> fetch, DateTime? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fanOut);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(members);
        var results = new Dictionary<string, OrganisationResult>(StringComparer.Ordinal);
        var targets = new List<string>();
        foreach (var member in members)
        {
            if (member.Services.ContainsKey(service))
            {
                targets.Add(member.Code);
            }
            else
            {
                results[member.Code] = new(member.Code, OutcomeStatus.NoInstance, "no " + service + " instance");
            }
        }

        var outcomes = await fanOut.RunAsync(targets, (code, budget) => fetch(registry.InstanceFor(code, service)!.Address, code, budget), deadline, cancellationToken);
        var answered = new List<(Organisation, T)>();
        foreach (var outcome in outcomes)
        {
            results[outcome.Target] = new(outcome.Target, outcome.Status, outcome.Detail);
            if (outcome is { Status: OutcomeStatus.Ok, Value: { } value })
            {
                answered.Add((registry.Get(outcome.Target), value));
            }
        }

        return new AreaAnswers<T>([.. members.Select(m => results[m.Code])], answered) { Incomplete = outcomes.Any(o => o.Status != OutcomeStatus.Ok) };
    }
}
