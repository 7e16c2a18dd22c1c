namespace Safeguarding.Web.Forms;

/// <summary>
/// A GOV.UK radios question (rendered by Pages/Shared/_Radios): the first radio carries <see cref="Id"/>, so the error
/// summary's link lands on it; the others are Id-2, Id-3...
/// </summary>
public sealed record Radios(string Id, string Name, string Legend, IReadOnlyList<(string Value, string Words)> Options, string? Value, string? Error, string? Hint = null)
{
    public string RadioId(int index) => index == 0 ? Id : $"{Id}-{index + 1}";

    public string DescribedBy => string.Join(' ', new[] { Hint is null ? null : Id + "-hint", Error is null ? null : Id + "-error" }.OfType<string>());
}

/// <summary>A GOV.UK textarea with its label, hint and error (rendered by Pages/Shared/_Textarea).</summary>
public sealed record Textarea(string Id, string Name, string Label, string? Value, string? Error, string? Hint = null, int Rows = 4)
{
    public string DescribedBy => string.Join(' ', new[] { Hint is null ? null : Id + "-hint", Error is null ? null : Id + "-error" }.OfType<string>());
}
