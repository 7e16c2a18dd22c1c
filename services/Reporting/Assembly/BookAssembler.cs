using Safeguarding.Measures.V1;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Assembly;

/// <summary>
/// The annual Safeguarding Children Report Book: one sheet per content area (why it matters and what good
/// looks like, the priority outcome, quality and quantity measures with comparators and year-on-year trend,
/// the story behind the figures, the actions, the scrutiny questions), a story sheet of voices, and the
/// balance of information and its movement since last year.
/// </summary>
internal sealed class BookAssembler(SeriesBuilder series)
{
    public const int Years = 5;
    public const int TrendMonths = Years * 12;

    public const string NotDescribed = "Why this area matters has not been described yet: adopt or describe the content area in the measures service.";
    public const string NoStory = "No story behind the figures has been recorded for this period.";

    public ReportBook Assemble(EvidenceSet set, string introduction, DateOnly today)
    {
        var window = set.Window;
        var inUse = MeasureInput.InReadingOrder(set.Measures.Where(m => m.HasOwnFigureIn(window))).ToList();
        var titles = set.Measures.ToDictionary(m => m.Meta.MeasureId, m => m.Meta.Title, StringComparer.Ordinal);
        var areaOf = set.Measures.ToDictionary(m => m.Meta.MeasureId, m => m.Meta.ContentAreaId, StringComparer.Ordinal);

        var areaIds = inUse.Select(m => m.Meta.ContentAreaId)
            .Concat(set.ContentAreas.Values.Where(a => a.OrganisationCode == set.Organisation.Id && a.Status != ContentAreaStatus.Retired).Select(a => a.Id))
            .Distinct(StringComparer.Ordinal)
            .Select(id => (Id: id, Area: set.ContentAreas.GetValueOrDefault(id)))
            .OrderBy(a => DocumentEnums.Group(a.Area?.Group ?? ""))
            .ThenBy(a => a.Area?.Title ?? a.Id, StringComparer.Ordinal)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();

        bool InArea(NarrativeEntry e, string areaId) =>
            e.ContentAreaId == areaId || (e.ContentAreaId.Length == 0 && areaOf.GetValueOrDefault(e.MeasureId) == areaId);

        var sheets = areaIds.Select(a => new ContentAreaSheet
        {
            ContentAreaId = a.Id,
            Title = a.Area?.Title is { Length: > 0 } title ? title : a.Id,
            Group = DocumentEnums.Group(a.Area?.Group ?? ""),
            WhyItMatters = a.Area?.WhyItMatters is { Length: > 0 } why ? why : NotDescribed,
            GoodStatements =
            [
                .. (a.Area?.GoodStatements ?? []).Where(s => !s.Retired)
                    .Select(s => (Type: DocumentEnums.Statement(s.Type), s.Text))
                    .Where(s => s.Type is not null)
                    .Select(s => new GoodStatement(s.Type!.Value, s.Text)),
            ],
            Measures = [.. inUse.Where(m => m.Meta.ContentAreaId == a.Id).Select(m => series.Build(m, set, Years))],
            StoryBehindTheFigures = NarrativeView.Stories(set.NarrativeOf(NarrativeEntry.BodyOneofCase.Story).Where(e => InArea(e, a.Id)), titles) is { Length: > 0 } story
                ? story
                : NoStory,
            Actions = [.. set.Actions.Where(e => InArea(e, a.Id) && IsCurrent(e, window)).Select(NarrativeView.Action)],
            ScrutinyQuestions = [.. (a.Area?.ScrutinyQuestions ?? []).Where(q => !q.Retired).Select(q => q.Text)],
        }).ToList();

        var previous = window.YearEarlier();
        var previousInUse = set.Measures.Where(m => m.HasOwnFigureIn(previous)).ToList();
        return new ReportBook
        {
            Title = "Safeguarding Children Report Book " + window.Label,
            Organisation = set.Organisation,
            Period = new ReportPeriod(window.LongLabel, window.Start, window.End),
            PublishedOn = today,
            Version = ReportVersions.Draft,
            Introduction = introduction.Length > 0
                ? introduction.Trim()
                : "This book brings together what we know about how safe children are and whether anyone is better off, for "
                    + set.Organisation.Name + ", " + window.LongLabel + ". It is written to support reflection and challenge, not to be read as a scorecard.",
            Sheets = sheets,
            Stories = new StorySheet(
                "Experiences that lie behind the figures, shared with consent and with anything that could identify anyone removed.",
                [.. NarrativeView.Voices(set.Narrative), .. set.Stories]),
            Balance = BalanceOfInformation.From(
                window.Label, inUse.Select(m => m.Info),
                previous.Label, previousInUse.Count == 0 ? null : previousInUse.Select(m => m.Info)),
        };
    }

    // Open actions, and those completed that fell due within the year.
    private static bool IsCurrent(NarrativeEntry action, ReadModels.PeriodSpan window) =>
        action.Action.Status != V1.ActionStatus.Completed || string.CompareOrdinal(action.Action.DueDate, window.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) >= 0;
}
