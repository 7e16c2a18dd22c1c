namespace Safeguarding.Measures.Application;

/// <summary>Who asks for a change: a user id (never a name) and the organisation they act for, if known.</summary>
public sealed record Actor(string UserId, string? OrganisationCode);
