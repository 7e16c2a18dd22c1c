using Grpc.Core;
using Safeguarding.CaseReviews.V1;
using Safeguarding.Gateway.Auth;
using Safeguarding.Platform.Disclosure;
using Safeguarding.Gateway.Registry;
using Safeguarding.Platform.Grpc;
using Organisation = Safeguarding.Gateway.Registry.Organisation;
using OrganisationKind = Safeguarding.Gateway.Registry.OrganisationKind;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>An area total: shown, suppressed with a reason, or incomplete (a partnership that runs case reviews did not answer).</summary>
public sealed record ThemeTotal(string ThemeId, string Title, long Value, Platform.Disclosure.SuppressionReason Reason, bool Incomplete);

/// <summary>The answer: every partnership's outcome, the partnerships counted, and the protected totals.</summary>
public sealed record ThemeAreaAnswer(IReadOnlyList<OrganisationResult> Outcomes, IReadOnlyList<string> Included, ThemeTotal ReviewsWithFindings, IReadOnlyList<ThemeTotal> Themes);

/// <summary>
/// Learning themes across an area's partnerships: each partnership's case reviews instance is asked for its theme
/// recurrence through the fan-out engine (as the caller, with a grant for that partnership), and only area totals
/// leave, each protected by <see cref="DisclosureControl"/> as the relation total = Σ partnerships' counts, where the
/// partnerships' own counts are never published (withheld) unless the viewer may see that partnership's rows (known).
/// So a total is hidden when it is small, or when a viewer could take their own partnership away and be left with a
/// small count of the others.
/// </summary>
public sealed class ThemeAreaQuery(FanOutEngine fanOut, UpstreamChannels channels, AuthOptions auth)
{
    public const string Service = "casereviews";

    private static readonly Method<GetThemeRecurrenceRequest, GetThemeRecurrenceResponse> GetThemeRecurrence =
        DescriptorMethods.Create<GetThemeRecurrenceRequest, GetThemeRecurrenceResponse>(CaseReviewsPolicies.CaseReviews, "GetThemeRecurrence");

    public async Task<ThemeAreaAnswer> RunAsync(RegistrySnapshot registry, GatewayCall call, Organisation area, DateTime? deadline, CancellationToken cancellationToken)
    {
        var partnerships = registry.Descendants(area.Code, includeSelf: true).Where(o => o.Kind == OrganisationKind.Partnership).ToList();
        var asked = await AreaInstances.AskAsync(fanOut, registry, partnerships, Service, (instance, code, budget) => FetchAsync(instance, call, code, budget), deadline, cancellationToken);
        var answered = asked.Answered.Select(a => (Partnership: a.Organisation, Recurrence: a.Value)).ToList();
        var incomplete = asked.Incomplete;
        var viewer = call.Caller!.OrganisationCode;
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var theme in answered.SelectMany(a => a.Recurrence.Themes))
        {
            titles.TryAdd(theme.ThemeId, theme.Title);
        }

        ThemeTotal Total(string id, string title, Func<GetThemeRecurrenceResponse, long> count)
        {
            var value = answered.Sum(a => count(a.Recurrence));
            if (incomplete || answered.Count == 0)
            {
                return new ThemeTotal(id, title, 0, Platform.Disclosure.SuppressionReason.None, Incomplete: true);
            }

            // Cell 0: the area total; then one cell per partnership that answered (its own count is never published).
            var cells = new List<Platform.Disclosure.TableCell> { new(area.Code, value, area.DisclosureThreshold) };
            cells.AddRange(answered.Select(a => new Platform.Disclosure.TableCell(
                a.Partnership.Code, count(a.Recurrence), a.Partnership.DisclosureThreshold,
                AccessControl.CanSeeRows(registry, viewer, a.Partnership.Code) ? CellStatus.Known : CellStatus.Withheld)));
            var protectedCells = DisclosureControl.Protect(new AdditiveTable(cells, [new Relation(0, [.. Enumerable.Range(1, answered.Count)])]));
            return new ThemeTotal(id, title, value, protectedCells.Reasons[0], Incomplete: false);
        }

        var reviews = Total(string.Empty, string.Empty, r => r.ReviewsWithFindings);
        var themes = titles
            .Select(t => Total(t.Key, t.Value, r => r.Themes.FirstOrDefault(x => x.ThemeId == t.Key)?.Reviews ?? 0))
            .OrderBy(t => t.Incomplete || t.Reason != Platform.Disclosure.SuppressionReason.None)
            .ThenByDescending(t => t.Incomplete || t.Reason != Platform.Disclosure.SuppressionReason.None ? 0 : t.Value)
            .ThenBy(t => t.ThemeId, StringComparer.Ordinal)
            .ToList();
        return new ThemeAreaAnswer(asked.Outcomes, [.. answered.Select(a => a.Partnership.Code)], reviews, themes);
    }

    private async Task<GetThemeRecurrenceResponse> FetchAsync(Uri instance, GatewayCall call, string partnership, CallBudget budget)
    {
        return await channels.For(instance).UnaryCall(GetThemeRecurrence, new GetThemeRecurrenceRequest(), CallerCallOptions.For(call, partnership, auth, budget));
    }
}
