using Safeguarding.Platform.Disclosure;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>An organisation's count, or one withheld at source (its value then only a share of a known hidden sum).</summary>
public readonly record struct AreaPart(long Value, bool Unknown)
{
    public static AreaPart WithheldAtSource(long share) => new(share, Unknown: true);
}

/// <summary>One organisation's counts of a question or criterion as its instance answered outside it (a count withheld when suppressed).</summary>
public sealed record SourceCounts(bool AnsweredSuppressed, long Answered, IReadOnlyList<(string Value, bool Suppressed, long Count)> Counts);

/// <summary>
/// Area totals of counts by answer summed over organisations, protected as one additive table by
/// <see cref="DisclosureControl"/> (ADR 0025, used by audits and surveys): each answer's total = Σ organisations'
/// counts, and, where every answer is one per respondent, the answered total = Σ answers' totals (known to the viewer).
/// An organisation's count is known where the viewer may see its rows, otherwise free; a count withheld at source
/// makes its total withheld, never a partial sum.
/// </summary>
public static class AreaCountTable
{
    /// <summary>
    /// One organisation's counts by answer (its versions of one meaning summed). A count withheld at source is
    /// unknown; together they hold what the organisation's answered total leaves (the instance kept that sum from
    /// being small), carried on the first of them, so the answered relation sees the true hidden sum (0 where even the
    /// answered total was withheld or the counts are not one per respondent: the safe side). No unknown value is ever
    /// published: only its relation's sum is used.
    /// </summary>
    public static List<AreaPart> Parts(IReadOnlyList<string> codes, IReadOnlyList<SourceCounts?> versions, bool additive = true)
    {
        var parts = new List<AreaPart>(codes.Count);
        var hidden = additive && versions.All(v => v is { AnsweredSuppressed: false })
            ? versions.Sum(v => v!.Answered) - versions.Sum(v => v!.Counts.Where(c => !c.Suppressed).Sum(c => c.Count))
            : 0;
        foreach (var code in codes)
        {
            var counts = versions.Select(v => v?.Counts.FirstOrDefault(c => c.Value == code)).ToList();
            if (counts.Any(c => c is null || c.Value.Suppressed))
            {
                parts.Add(AreaPart.WithheldAtSource(Math.Max(0, hidden)));
                hidden = 0;
            }
            else
            {
                parts.Add(new AreaPart(counts.Sum(c => c!.Value.Count), Unknown: false));
            }
        }

        return parts;
    }

    /// <summary>
    /// Cells: one total per answer, then its parts (organisation by organisation), then the answered total (known to
    /// the viewer) when <paramref name="answeredRelation"/>. A part withheld at source makes its total withheld.
    /// </summary>
    public static List<(long Value, SuppressionReason Reason)> Protect(
        int areaThreshold, List<List<AreaPart>> answers, IReadOnlyList<bool> known, IReadOnlyList<int> thresholds, bool answeredRelation)
    {
        var cells = new List<TableCell>();
        var relations = new List<Relation>();
        var totals = new List<int>();
        var unknown = new List<bool>();
        foreach (var parts in answers)
        {
            var total = cells.Count;
            var withheldAtSource = parts.Any(p => p.Unknown);
            totals.Add(total);
            unknown.Add(withheldAtSource);
            cells.Add(new TableCell("total", parts.Sum(p => p.Value), areaThreshold, withheldAtSource ? CellStatus.Withheld : CellStatus.Free));
            var indices = new List<int>();
            for (var o = 0; o < parts.Count; o++)
            {
                indices.Add(cells.Count);
                cells.Add(new TableCell("part", parts[o].Value, thresholds[o], parts[o].Unknown ? CellStatus.Withheld : known[o] ? CellStatus.Known : CellStatus.Free));
            }

            relations.Add(new Relation(total, indices));
        }

        if (answeredRelation && answers.Count > 1)
        {
            var answered = cells.Count;
            cells.Add(new TableCell("answered", totals.Sum(t => cells[t].Value), areaThreshold, CellStatus.Known));
            relations.Add(new Relation(answered, totals));
        }

        var reasons = DisclosureControl.Protect(new AdditiveTable(cells, relations)).Reasons;
        return [.. totals.Select((t, i) => unknown[i] ? (0L, SuppressionReason.Withheld) : (cells[t].Value, reasons[t]))];
    }
}
