using Safeguarding.Gateway.V1;
using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Region;

/// <summary>
/// The gateway's answer of the stories partnerships shared with the region, as the region's 4.3 Voices quotes them:
/// the surveys service's attribution (kind of person and age band) followed by the partnership's name, nothing more.
/// A quote too long for a report is left out rather than cut (cutting could change what was said).
/// </summary>
internal static class AreaSharedVoices
{
    public static IReadOnlyList<Voice> From(ListRegionVoicesResponse answer, IReadOnlyDictionary<string, string> partnershipNames) =>
    [
        .. answer.Voices
            .Where(v => !string.IsNullOrWhiteSpace(v.Text) && v.Text.Trim().Length <= Voice.MaxQuoteLength)
            .Select(v => new Voice(
                v.Text.Trim(),
                EvidenceLoader.SourceOf(v.Attribution),
                v.ContentAreaId.Length > 0 ? v.ContentAreaId : null,
                v.Attribution + ", " + partnershipNames.GetValueOrDefault(v.PartnershipCode, v.PartnershipCode))),
    ];
}
