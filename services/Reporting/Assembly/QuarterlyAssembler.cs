using System.Globalization;
using Safeguarding.Measures.V1;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Assembly;

/// <summary>
/// The quarterly "How are we doing?" report, section by section as the board knows it (Salford's template):
/// strategic priorities, evidence available, review of performance (doing well; areas for further
/// exploration), qualitative evidence, voices, horizon scanning and recommendations.
/// </summary>
internal sealed class QuarterlyAssembler(SeriesBuilder series, Exploration exploration)
{
    public const int TrendMonths = 24;

    /// <summary>Approved stories quoted in "4.3 Voices", newest first; the Report Book's story sheet has them all.</summary>
    public const int MaxStories = 6;

    public QuarterlyReport Assemble(EvidenceSet set, QuarterlyReportOptions? options, DateOnly today)
    {
        options ??= new QuarterlyReportOptions();
        var window = set.Window;
        var findings = new List<Finding>();
        foreach (var measure in MeasureInput.InReadingOrder(set.Measures))
        {
            var (own, previous, comparators) = series.Window(measure, set);
            findings.AddRange(exploration.Assess(measure.Facts, own, previous, comparators));
        }

        var priorityAreas = set.Profile.StrategicPriorities.Select(p => p.ContentAreaId).Where(a => a.Length > 0).ToHashSet(StringComparer.Ordinal);
        var flagged = findings.Select(f => f.MeasureId).ToHashSet(StringComparer.Ordinal);
        var shown = MeasureInput.InReadingOrder(set.Measures)
            .Where(m => m.HasOwnFigureIn(window) && (flagged.Contains(m.Meta.MeasureId) || priorityAreas.Contains(m.Meta.ContentAreaId)))
            .ToList();
        var titles = set.Measures.ToDictionary(m => m.Meta.MeasureId, m => m.Meta.Title, StringComparer.Ordinal);

        return new QuarterlyReport
        {
            Title = "How are we doing? Safeguarding effectiveness report",
            Organisation = set.Organisation,
            Period = new ReportPeriod(window.LongLabel + FinancialQuarter(window.Start), window.Start, window.End),
            PublishedOn = today,
            Version = ReportVersions.Draft,
            MeetingDate = options.MeetingDate.Length > 0 ? DateOnly.ParseExact(options.MeetingDate, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            AuthorRoles = [.. options.AuthorRoles.Select(r => r.Trim())],
            Purpose = options.Purpose.Length > 0
                ? options.Purpose.Trim()
                : "To give the board a summary of how we are doing in " + window.LongLabel + ", from the evidence available in the period.",
            Introduction = options.Introduction.Trim(),
            StrategicPriorities = [.. set.Profile.StrategicPriorities.Select(p => new Documents.StrategicPriority(DocumentEnums.Priority(p.Kind), p.Title.Trim()))],
            EvidenceAvailable = EvidenceAvailable(set),
            QuarterFocus = options.QuarterFocus.Length > 0 ? options.QuarterFocus.Trim() : null,
            Performance = new PerformanceReview
            {
                Narrative = NarrativeView.Stories(set.NarrativeOf(NarrativeEntry.BodyOneofCase.Story), titles),
                DoingWell = [.. findings.Where(f => f.Kind == FindingKind.DoingWell).Select(f => f.Text)],
                FurtherExploration = [.. findings.Where(f => f.Kind == FindingKind.FurtherExploration).Select(f => f.Text)],
                Measures = [.. shown.Select(m => series.Build(m, set, years: 0))],
                Breakdowns = [.. shown.Select(m => Breakdowns.Latest(m, window, series.DisclosureThreshold)).OfType<MeasureBreakdown>()],
            },
            QualitativeEvidence = NarrativeView.Findings(set.Narrative),
            Voices = [.. NarrativeView.Voices(set.Narrative), .. set.Stories.Take(MaxStories)],
            HorizonScanning = [.. set.NarrativeOf(NarrativeEntry.BodyOneofCase.HorizonNote).Select(e => e.HorizonNote.Text.Trim())],
            Recommendations =
            [
                .. set.NarrativeOf(NarrativeEntry.BodyOneofCase.Recommendation)
                    .Select(e => new Documents.Recommendation(e.Recommendation.Text.Trim(), e.Recommendation.AddressedTo.Length > 0 ? e.Recommendation.AddressedTo.Trim() : null)),
            ],
        };
    }

    /// <summary>What evidence the period's figures and findings came from, derived from the read models.</summary>
    private static List<string> EvidenceAvailable(EvidenceSet set)
    {
        var window = set.Window;
        var inUse = set.Measures.Where(m => m.HasOwnFigureIn(window)).ToList();
        var lines = new List<string>();
        if (inUse.Count > 0)
        {
            lines.Add($"Figures for {Count(inUse.Count, "measure")} covering {window.LongLabel}: "
                + $"{Count(inUse, MeasureType.Outcome)} outcome, {Count(inUse, MeasureType.Quality)} quality and {Count(inUse, MeasureType.Quantity)} quantity");
        }

        var rows = inUse.SelectMany(m => m.OwnTotals.Where(r => window.Contains(r.PeriodStart, r.PeriodEnd)).Select(r => (m.Meta.MeasureId, Row: r))).ToList();
        foreach (var import in set.EvidenceItems.Where(e => e.Kind == EvidenceKinds.Import))
        {
            var measures = rows.Where(r => r.Row.ProvenanceKind == ProvenanceKind.Import && r.Row.ProvenanceReference == import.Reference)
                .Select(r => r.MeasureId).Distinct(StringComparer.Ordinal).Count();
            if (measures > 0)
            {
                lines.Add($"{import.Title}: {Count(measures, "measure")}");
            }
        }

        foreach (var (kind, name) in new[] { (ProvenanceKind.Audit, "Case audit results"), (ProvenanceKind.Survey, "Survey results"), (ProvenanceKind.ManualEntry, "Figures entered by the organisation") })
        {
            var measures = rows.Where(r => r.Row.ProvenanceKind == kind).Select(r => r.MeasureId).Distinct(StringComparer.Ordinal).Count();
            if (measures > 0)
            {
                lines.Add($"{name}: {Count(measures, "measure")}");
            }
        }

        lines.AddRange(set.NarrativeOf(NarrativeEntry.BodyOneofCase.Finding).Select(f => f.Finding.EvidenceTitle.Trim()).Distinct(StringComparer.Ordinal));
        lines.AddRange(set.HeldBack.Select(h => h.Sentence));
        return lines;
    }

    private static int Count(List<MeasureInput> measures, MeasureType type) => measures.Count(m => m.Info.Type == type);

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    /// <summary>" (Quarter 3)": UK public bodies number quarters from April, so April to June is quarter 1.</summary>
    private static string FinancialQuarter(DateOnly start) =>
        start.Month % 3 == 1 ? " (Quarter " + (((start.Month + 8) % 12 / 3) + 1).ToString(CultureInfo.InvariantCulture) + ")" : "";
}
