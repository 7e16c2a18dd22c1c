namespace Safeguarding.Web.Forms;

/// <summary>A GOV.UK text input with its label, hint and error (rendered by Pages/Shared/_TextInput).</summary>
public sealed record TextInput(string Id, string Name, string Label, string? Value, string? Error, string? Hint = null, string Width = "govuk-input--width-10", bool Numeric = false)
{
    public string DescribedBy => string.Join(' ', new[] { Hint is null ? null : Id + "-hint", Error is null ? null : Id + "-error" }.OfType<string>());
}
