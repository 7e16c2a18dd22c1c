namespace Safeguarding.Measures.Application;

/// <summary>One page of a keyset-paged list: the items and the cursor after the last one (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Where a page starts (the cursor of the previous page's last item) and how many to return.</summary>
public sealed record PageRequest(string? After, int Size);
