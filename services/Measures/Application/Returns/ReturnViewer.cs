namespace Safeguarding.Measures.Application.Returns;

/// <summary>
/// Who reads figures, for return visibility: the verified caller's own organisation, and whether the call is
/// unrestricted (a platform job, or a call with no target organisation, which sees everything).
/// </summary>
public sealed record ReturnViewer(string? OrganisationCode, bool Unrestricted);
