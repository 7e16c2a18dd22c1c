namespace Safeguarding.Platform.Disclosure;

/// <summary>For each cell of the table, in order: shown, or suppressed with a reason.</summary>
/// <remarks><paramref name="Exposed"/>: hidden cells that the cells assumed known to the viewer would still give away.</remarks>
public sealed record DisclosureResult(IReadOnlyList<SuppressionReason> Reasons, IReadOnlyList<int> Exposed)
{
    public bool IsPublished(int cell) => Reasons[cell] == SuppressionReason.None;

    public int SuppressedCount => Reasons.Count(r => r != SuppressionReason.None);
}
