using System.Globalization;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.V1;
using Voice = Safeguarding.Reporting.Documents.Voice;

namespace Safeguarding.Reporting.Assembly;

/// <summary>Turns narrative entries into the document's pieces, in a stable order (period, then creation).</summary>
internal static class NarrativeView
{
    /// <summary>The stories as paragraphs, each led by the measure or area it explains.</summary>
    public static string Stories(IEnumerable<NarrativeEntry> stories, IReadOnlyDictionary<string, string> measureTitles, string? leadOmittedFor = null)
    {
        var paragraphs = stories.Select(s =>
        {
            var lead = s.MeasureId.Length > 0 && measureTitles.TryGetValue(s.MeasureId, out var title) ? title : null;
            return lead is null || lead == leadOmittedFor ? s.Story.Text.Trim() : lead + ": " + s.Story.Text.Trim();
        });
        return string.Join("\n\n", paragraphs);
    }

    public static IReadOnlyList<Voice> Voices(IEnumerable<NarrativeEntry> entries) =>
        entries.Where(e => e.BodyCase == NarrativeEntry.BodyOneofCase.Voice)
            .Select(e => new Voice(e.Voice.Quote.Trim(), DocumentEnums.Voice(e.Voice.Source), e.ContentAreaId.Length > 0 ? e.ContentAreaId : null))
            .ToList();

    public static ReportAction Action(NarrativeEntry entry) => new(
        entry.Action.Description.Trim(),
        entry.Action.OwnerOrganisation.Trim(),
        DateOnly.ParseExact(entry.Action.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        DocumentEnums.Status(entry.Action.Status),
        entry.MeasureId.Length > 0 ? entry.MeasureId : null);

    public static string Findings(IEnumerable<NarrativeEntry> entries) => string.Join("\n\n",
        entries.Where(e => e.BodyCase == NarrativeEntry.BodyOneofCase.Finding)
            .Select(e => e.Finding.EvidenceTitle.Trim() + ": " + e.Finding.Text.Trim()));
}
