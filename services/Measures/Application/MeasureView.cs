using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Application;

/// <summary>A measure as the service answers for it: current revision, library link, owner, retirement, and maybe its history.</summary>
public sealed record MeasureView(
    MeasureVersion Current,
    string? LibraryMeasureId,
    string OwnerOrganisation,
    DateTime? RetiredAt,
    string? RetiredReason,
    IReadOnlyList<MeasureRevisionView>? History = null)
{
    public bool IsRetired => RetiredAt is not null;

    /// <summary>Changes with every stored revision; callers pass it back to refuse stale edits.</summary>
    public string ETag => Tag(Current);

    public static string Tag(MeasureVersion version) => $"v{version.Version}r{version.Revision}";
}

public sealed record MeasureRevisionView(MeasureVersion Version, MeasureChangeKind Change, IReadOnlyList<string> ChangedFields);
