using Safeguarding.Platform.Grpc;

namespace Safeguarding.Audits.Domain;

/// <summary>A request or a record breaks the rules: INVALID_ARGUMENT naming every field at fault.</summary>
public sealed class AuditValidationException(IReadOnlyList<FieldProblem> problems)
    : Exception(problems.Count > 0 ? $"{problems[0].Field}: {problems[0].Description}" : "invalid")
{
    public AuditValidationException(string field, string description)
        : this([new FieldProblem(field, description)])
    {
    }

    public IReadOnlyList<FieldProblem> Problems { get; } = problems;
}

/// <summary>A record does not exist, or belongs to another organisation (answered the same way).</summary>
public sealed class AuditNotFoundException(string resourceType, string resourceName) : Exception($"{resourceType} '{resourceName}' was not found.")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = resourceName;
}

/// <summary>The record's state does not allow the command: FAILED_PRECONDITION with a typed violation.</summary>
public sealed class AuditStateException(string type, string subject, string message) : Exception(message)
{
    public string Type { get; } = type;

    public string Subject { get; } = subject;
}

/// <summary>
/// Row-level data asked for from outside its organisation (a gateway grant for another organisation): only
/// aggregates leave it. PERMISSION_DENIED with a typed reason.
/// </summary>
public sealed class AuditOutsideException(string resource) : Exception(
    $"{resource}: row-level audits stay inside their organisation; from outside it, ask for the programme's results (aggregates, small numbers suppressed).")
{
    public const string Reason = "ROW_LEVEL_INSIDE_ORGANISATION";
}

/// <summary>Collects field problems so a request is answered with all of them at once.</summary>
public sealed class Problems
{
    private readonly List<FieldProblem> _items = [];

    public bool Any => _items.Count > 0;

    public IReadOnlyList<FieldProblem> Items => _items;

    public void Add(string field, string description) => _items.Add(new FieldProblem(field, description));

    public void ThrowIfAny()
    {
        if (_items.Count > 0)
        {
            throw new AuditValidationException([.. _items]);
        }
    }
}
