using Grpc.Core;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Registry;
using Safeguarding.Platform.Grpc;
using Safeguarding.Surveys.V1;
using OrganisationKind = Safeguarding.Gateway.Registry.OrganisationKind;

namespace Safeguarding.Gateway.Aggregation;

public sealed record RegionVoiceItem(string PartnershipCode, string OrganisationCode, string Text, string Attribution, string ContentAreaId);

public sealed record VoicesAreaAnswer(IReadOnlyList<OrganisationResult> Outcomes, IReadOnlyList<RegionVoiceItem> Voices);

/// <summary>
/// The stories the region's partnerships chose to share with its board: every partnership and agency of the region
/// with a surveys instance is asked, as the caller with a grant for that organisation, for its shared stories. The
/// instance decides what is shared (approved, consent partnership or wider, shared by its survey admin); the gateway
/// only gathers them, so nothing else of any organisation's stories leaves it.
/// </summary>
public sealed class VoicesAreaQuery(FanOutEngine fanOut, UpstreamChannels channels, AuthOptions auth)
{
    public const string Service = "surveys";

    private static readonly Method<ListSharedStoriesRequest, ListSharedStoriesResponse> ListSharedStories =
        DescriptorMethods.Create<ListSharedStoriesRequest, ListSharedStoriesResponse>(SurveysPolicies.Surveys, "ListSharedStories");

    public async Task<VoicesAreaAnswer> RunAsync(RegistrySnapshot registry, GatewayCall call, DateTime? deadline, CancellationToken cancellationToken)
    {
        var members = registry.Descendants(registry.Region.Code, includeSelf: false).Where(o => o.Kind is OrganisationKind.Partnership or OrganisationKind.Agency).ToList();
        var asked = await AreaInstances.AskAsync(fanOut, registry, members, Service, (address, code, budget) => FetchAsync(address, call, code, budget), deadline, cancellationToken);
        var voices = new List<RegionVoiceItem>();
        foreach (var (organisation, answer) in asked.Answered)
        {
            var partnership = PartnershipOf(registry, organisation.Code);
            // An instance answers for the organisation it was asked about: anything else is not passed on.
            voices.AddRange(answer.Stories
                .Where(s => s.OrganisationCode == organisation.Code)
                .Select(s => new RegionVoiceItem(partnership, s.OrganisationCode, s.Text, s.Attribution, s.ContentAreaId)));
        }

        var order = members.Select((m, i) => (m.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        return new VoicesAreaAnswer(
            asked.Outcomes,
            [.. voices.OrderBy(v => order[v.PartnershipCode]).ThenBy(v => order[v.OrganisationCode])]);
    }

    private static string PartnershipOf(RegistrySnapshot registry, string code)
    {
        var organisation = registry.Get(code);
        while (organisation.Kind != OrganisationKind.Partnership && organisation.ParentCode is { } parent)
        {
            organisation = registry.Get(parent);
        }

        return organisation.Code;
    }

    private async Task<ListSharedStoriesResponse> FetchAsync(Uri instance, GatewayCall call, string organisation, CallBudget budget)
    {
        return await channels.For(instance).UnaryCall(ListSharedStories, new ListSharedStoriesRequest { OrganisationCode = organisation }, CallerCallOptions.For(call, organisation, auth, budget));
    }
}
