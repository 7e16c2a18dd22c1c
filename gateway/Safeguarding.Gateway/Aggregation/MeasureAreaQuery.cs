using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Registry;
using Safeguarding.Measures.V1;
using Organisation = Safeguarding.Gateway.Registry.Organisation;
using OrganisationKind = Safeguarding.Gateway.Registry.OrganisationKind;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>How one organisation fared in a query, and (measures answers) where its figures stand in sign-off.</summary>
public sealed record OrganisationResult(string Organisation, OutcomeStatus Status, string Detail)
{
    public IReadOnlyList<SignOff> SignOffs { get; init; } = [];
}

/// <summary>The answer to an area query: the shared definition, every organisation's outcome, and the protected figures.</summary>
public sealed record AreaAnswer(Measure? Measure, IReadOnlyList<OrganisationResult> Outcomes, IReadOnlyList<ComputedFigure> Figures, IReadOnlyDictionary<string, Period> Periods)
{
    /// <summary>Every organisation answered (or has nothing to answer with): nothing is missing for a moment's failure.</summary>
    public bool IsComplete => Outcomes.All(o => o.Status is OutcomeStatus.Ok or OutcomeStatus.NoInstance or OutcomeStatus.NotRecorded or OutcomeStatus.DifferentDefinition);
}

/// <summary>
/// A measure across an area: every partnership and agency in it with a measures instance is asked in
/// parallel; only organisations whose definition has the reference meaning are summed (ADR 0004: never
/// mix definitions); the figures are then summed and protected by <see cref="AreaFigures"/>.
/// </summary>
public sealed class MeasureAreaQuery(FanOutEngine fanOut, MeasureFetch fetch)
{
    public const string Service = "measures";

    /// <summary>The note on a figure held back from the caller until its return is signed off far enough.</summary>
    public const string AwaitingSignOff = "awaiting sign-off";

    public async Task<AreaAnswer> RunAsync(RegistrySnapshot registry, GatewayCall call, Organisation area, MeasureQuery query, string? meaningHash, DateTime? deadline, CancellationToken cancellationToken)
    {
        var organisations = registry.Descendants(area.Code, includeSelf: true)
            .Where(o => o.Kind is OrganisationKind.Partnership or OrganisationKind.Agency).ToList();
        var results = new Dictionary<string, OrganisationResult>(StringComparer.Ordinal);
        var targets = new List<string>();
        foreach (var organisation in organisations)
        {
            if (organisation.Services.ContainsKey(Service))
            {
                targets.Add(organisation.Code);
            }
            else
            {
                results[organisation.Code] = new(organisation.Code, OutcomeStatus.NoInstance, "no measures instance");
            }
        }

        var outcomes = await fanOut.RunAsync(
            targets,
            (code, budget) => fetch.FetchAsync(registry.InstanceFor(code, Service)!.Address, call, code, query, budget),
            deadline,
            cancellationToken);

        var answered = outcomes.Where(o => o is { Status: OutcomeStatus.Ok, Value: not null }).ToDictionary(o => o.Target, o => o.Value!, StringComparer.Ordinal);
        var reference = string.IsNullOrEmpty(meaningHash)
            ? answered.Values.GroupBy(v => v.Measure.MeaningHash).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key
            : meaningHash;
        var unavailable = new HashSet<string>(StringComparer.Ordinal);
        var reported = new Dictionary<string, IReadOnlyDictionary<string, ReportedFigure>>(StringComparer.Ordinal);
        var periods = new Dictionary<string, Period>(StringComparer.Ordinal);
        Measure? measure = null;
        var shape = MeasureShape.Count;
        foreach (var outcome in outcomes)
        {
            if (outcome.Status != OutcomeStatus.Ok)
            {
                unavailable.Add(outcome.Target);
                results[outcome.Target] = new(outcome.Target, outcome.Status, outcome.Detail);
            }
            else if (outcome.Value is null)
            {
                results[outcome.Target] = new(outcome.Target, OutcomeStatus.NotRecorded, "measure not defined");
            }
            else if (outcome.Value.Measure.MeaningHash != reference)
            {
                results[outcome.Target] = new(outcome.Target, OutcomeStatus.DifferentDefinition, "different meaning");
            }
            else
            {
                measure ??= outcome.Value.Measure;
                shape = ObservationFigures.ShapeOf(measure.Definition.Unit);
                results[outcome.Target] = new(outcome.Target, OutcomeStatus.Ok, string.Empty) { SignOffs = outcome.Value.SignOff.SignOffs };
            }
        }

        foreach (var (code, answer) in answered.Where(a => results[a.Key].Status == OutcomeStatus.Ok))
        {
            var byPeriod = new Dictionary<string, ReportedFigure>(StringComparer.Ordinal);
            foreach (var observation in answer.Observations)
            {
                var key = ObservationFigures.KeyOf(observation.Period);
                periods.TryAdd(key, observation.Period);
                byPeriod[key] = ObservationFigures.Parse(observation.Value, shape);
            }

            // A figure held back until its return is signed off is there but not shown: a total without it is incomplete.
            foreach (var heldBack in answer.SignOff.HeldBack)
            {
                var key = ObservationFigures.KeyOf(heldBack.Period);
                periods.TryAdd(key, heldBack.Period);
                byPeriod.TryAdd(key, new ReportedFigure(null, null, null, AwaitingSignOff));
            }

            reported[code] = byPeriod;
        }

        var order = periods.OrderBy(p => p.Value.StartYear).ThenBy(p => p.Value.StartMonth).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToList();
        var figures = measure is null
            ? []
            : AreaFigures.Compute(new AreaInput(registry, area.Code, call.Caller!.OrganisationCode, shape, reported, unavailable, order));
        return new AreaAnswer(measure, [.. organisations.Select(o => results[o.Code])], figures, periods);
    }
}
