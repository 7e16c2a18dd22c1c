namespace Safeguarding.Measures.Domain;

/// <summary>
/// A field and what is wrong with it. Field paths are snake_case, as proto fields are named
/// ("numerator_definition", "measures[2].unit"), so the service can map them 1:1 to BadRequest
/// field violations.
/// </summary>
public sealed record ValidationProblem(string Field, string Description)
{
    public override string ToString() => $"{Field}: {Description}";
}
