namespace Safeguarding.Measures.Application.Importing;

/// <summary>What one import batch stored (or, in a dry run, would store).</summary>
public readonly record struct BatchCounts(long Recorded, long SkippedIdentical, long Superseded, bool Committed)
{
    public static BatchCounts operator +(BatchCounts left, BatchCounts right) =>
        new(left.Recorded + right.Recorded, left.SkippedIdentical + right.SkippedIdentical, left.Superseded + right.Superseded, left.Committed || right.Committed);

    public static BatchCounts Add(BatchCounts left, BatchCounts right) => left + right;
}
