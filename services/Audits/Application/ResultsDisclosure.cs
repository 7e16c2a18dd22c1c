using Safeguarding.Audits.Domain;
using Safeguarding.Audits.V1;
using Safeguarding.Platform.Disclosure;

namespace Safeguarding.Audits.Application;

/// <summary>
/// What of a programme's results leaves the organisation (DESIGN §4): the platform's disclosure control
/// (ADR 0006, <see cref="DisclosureControl"/>) over each criterion's additive table — the count of each answer,
/// the answered total, and a linked figure's numerator and denominator as sums of their answers — so a count below
/// the threshold, or one that the shown cells would give away, is hidden with a flag and never shown as a number.
/// The number of audits counted is known to the viewer (it is shown when it reaches the threshold; below it, every
/// count is hidden). Inside the organisation nothing here runs.
/// </summary>
public sealed class ResultsDisclosure(AuditsOptions options)
{
    public int Threshold => options.DisclosureThreshold;

    public void Protect(ProgrammeResults results, AuditTool tool)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(tool);
        results.DisclosureControlled = true;
        results.SuppressionThreshold = Threshold;
        var counted = results.AuditsCounted;
        var tooFew = counted < Threshold;
        if (tooFew)
        {
            results.AuditsCounted = 0;
        }

        var links = ToolRules.Criteria(tool).Where(c => c.MeasureLink is not null).ToDictionary(c => c.CriterionId, c => c.MeasureLink, StringComparer.Ordinal);
        foreach (var criterion in results.Criteria)
        {
            Protect(criterion, links.GetValueOrDefault(criterion.CriterionId), counted, tooFew);
        }

        // Last cycle's figures beside this one: its own total is not shown, so none of its cells is known.
        foreach (var criterion in results.PreviousCriteria)
        {
            Protect(criterion, links.GetValueOrDefault(criterion.CriterionId), -1, tooFew: false);
        }

        // Findings per content area: separate counts with no total shown, so primary suppression is all they need.
        var themes = DisclosureControl.Protect(new AdditiveTable([.. results.Themes.Select(t => new TableCell(t.ContentAreaId, t.Findings, Threshold))], []));
        for (var i = 0; i < results.Themes.Count; i++)
        {
            if (tooFew || !themes.IsPublished(i))
            {
                results.Themes[i].Suppressed = true;
                results.Themes[i].Findings = 0;
            }
        }
    }

    public void Protect(ModerationAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        agreement.DisclosureControlled = true;
        var tooFew = agreement.ModeratedAudits < Threshold;
        if (tooFew)
        {
            agreement.ModeratedAudits = 0;
        }

        foreach (var criterion in agreement.Criteria)
        {
            // Pairs = agreed + disagreed: kappa and agreement are shown only when all three counts are.
            var result = DisclosureControl.Protect(new AdditiveTable(
                [new TableCell("pairs", criterion.Pairs, Threshold), new TableCell("agreed", criterion.Agreed, Threshold), new TableCell("disagreed", criterion.Pairs - criterion.Agreed, Threshold)],
                [new Relation(0, [1, 2])]));
            if (tooFew || result.SuppressedCount > 0)
            {
                criterion.Suppressed = true;
                criterion.Pairs = 0;
                criterion.Agreed = 0;
                criterion.ObservedAgreement = 0;
                criterion.ClearKappa();
            }
        }
    }

    // Cells: each answer's count, then the answered total, then (linked) the denominator and the numerator as sums
    // of their answers' counts. A total equal to the audits counted is known to the viewer.
    private void Protect(CriterionResult criterion, MeasureLink? link, int counted, bool tooFew)
    {
        var cells = criterion.Counts.Select(c => new TableCell(c.Value, c.Count, Threshold)).ToList();
        var parts = Enumerable.Range(0, cells.Count).ToList();
        var answered = cells.Count;
        cells.Add(new TableCell("answered", criterion.Answered, Threshold, criterion.Answered == counted && !tooFew ? CellStatus.Known : CellStatus.Free));
        var relations = new List<Relation>();
        if (parts.Count > 0)
        {
            relations.Add(new Relation(answered, parts));
        }

        int? denominator = null;
        int? numerator = null;
        var denominatorParts = link is null ? [] : parts.Where(i => link.DenominatorAnswers.Contains(criterion.Counts[i].Value)).ToList();
        var numeratorParts = link is null ? [] : parts.Where(i => link.NumeratorAnswers.Contains(criterion.Counts[i].Value)).ToList();
        if (denominatorParts.Count > 0 && numeratorParts.Count > 0)
        {
            denominator = cells.Count;
            cells.Add(new TableCell("denominator", criterion.Denominator, Threshold));
            relations.Add(new Relation(denominator.Value, denominatorParts));
            numerator = cells.Count;
            cells.Add(new TableCell("numerator", criterion.Numerator, Threshold));
            relations.Add(new Relation(numerator.Value, numeratorParts));
        }

        var result = DisclosureControl.Protect(new AdditiveTable(cells, relations));
        for (var i = 0; i < criterion.Counts.Count; i++)
        {
            if (tooFew || !result.IsPublished(i))
            {
                criterion.Counts[i].Suppressed = true;
                criterion.Counts[i].Count = 0;
            }
        }

        if (tooFew || !result.IsPublished(answered))
        {
            criterion.AnsweredSuppressed = true;
            criterion.Answered = 0;
        }

        if (criterion.MeasureId.Length > 0
            && (tooFew || denominator is null || numerator is null || !result.IsPublished(denominator.Value) || !result.IsPublished(numerator.Value)))
        {
            criterion.FigureSuppressed = true;
            criterion.Numerator = 0;
            criterion.Denominator = 0;
        }
    }
}
