namespace Safeguarding.Measures.Domain;

/// <summary>Collects problems while a value is checked, so a caller sees all of them at once.</summary>
public sealed class ValidationProblems
{
    // Allocated on the first problem: most values checked (every imported row) have none.
    private List<ValidationProblem>? _items;

    public bool Any => _items is { Count: > 0 };

    public IReadOnlyList<ValidationProblem> Items => (IReadOnlyList<ValidationProblem>?)_items ?? [];

    public void Add(string field, string description) => (_items ??= []).Add(new ValidationProblem(field, description));

    /// <summary>Adds problems found in a nested value, prefixing their field paths.</summary>
    public void AddNested(string prefix, IEnumerable<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            (_items ??= []).Add(problem with { Field = FieldPath.Join(prefix, problem.Field) });
        }
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new DomainValidationException([.. _items!]);
        }
    }
}
