namespace Safeguarding.Measures.Domain;

/// <summary>Thrown when input breaks a domain rule; lists every field at fault, not just the first.</summary>
public sealed class DomainValidationException : Exception
{
    public DomainValidationException(IReadOnlyList<ValidationProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public DomainValidationException(string field, string description)
        : this([new ValidationProblem(field, description)])
    {
    }

    public DomainValidationException()
        : this([])
    {
    }

    public DomainValidationException(string message)
        : base(message)
    {
        Problems = [];
    }

    public DomainValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<ValidationProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ValidationProblem> problems) => problems.Count switch
    {
        0 => "Validation failed.",
        1 => problems[0].ToString(),
        _ => $"{problems[0]} (and {problems.Count - 1} more)",
    };
}
