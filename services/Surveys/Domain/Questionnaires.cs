namespace Safeguarding.Surveys.Domain;

// Numeric values match the proto enums (safeguarding.surveys.v1), so mapping is a cast.
public enum Audience
{
    Unspecified = 0,
    Child = 1,
    ParentCarer = 2,
    FrontlineStaff = 3,
    PartnerProfessional = 4,
}

public enum QuestionKind
{
    Unspecified = 0,
    SingleChoice = 1,
    MultipleChoice = 2,
    Likert = 3,
    Rating = 4,
    Number = 5,
    YesNo = 6,
    FreeText = 7,
    Note = 8,
}

public sealed record ChoiceDefinition(string Name, string Label);

public sealed record QuestionDefinition
{
    public required string Name { get; init; }

    public required QuestionKind Kind { get; init; }

    public required string Label { get; init; }

    public string Hint { get; init; } = string.Empty;

    public bool Required { get; init; }

    public string Relevant { get; init; } = string.Empty;

    public string Constraint { get; init; } = string.Empty;

    public string ConstraintMessage { get; init; } = string.Empty;

    public string ListName { get; init; } = string.Empty;

    public IReadOnlyList<ChoiceDefinition> Choices { get; init; } = [];

    public int RatingMin { get; init; }

    public int RatingMax { get; init; }

    public string MeasureId { get; init; } = string.Empty;

    public IReadOnlyList<string> PositiveChoices { get; init; } = [];

    public bool HasChoices => Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.Likert or QuestionKind.YesNo;

    public bool IsAnswerable => Kind != QuestionKind.Note;
}

public sealed record SectionDefinition(string Name, string Title, string Relevant, IReadOnlyList<QuestionDefinition> Questions);

public sealed record QuestionnaireDefinition
{
    public required string QuestionnaireId { get; init; }

    public int Version { get; init; }

    public required string Title { get; init; }

    public required Audience Audience { get; init; }

    public string AgeBand { get; init; } = string.Empty;

    public required IReadOnlyList<SectionDefinition> Sections { get; init; }

    /// <summary>Owner; empty for the built-in set.</summary>
    public string OrganisationCode { get; init; } = string.Empty;

    public bool BuiltIn { get; init; }

    public DateTime CreatedAt { get; init; }

    public IEnumerable<QuestionDefinition> Questions => Sections.SelectMany(s => s.Questions);

    public QuestionDefinition? Find(string name) => Questions.FirstOrDefault(q => q.Name == name);
}

/// <summary>A field of a request or a cell of a file and what is wrong with it.</summary>
public sealed record Problem(string Field, string Description);

/// <summary>What was wrong with a request or file: every problem found, so the caller can fix them all at once.</summary>
public sealed class DomainValidationException(IReadOnlyList<Problem> problems)
    : Exception(problems.Count == 0 ? "invalid" : $"{problems[0].Field}: {problems[0].Description}")
{
    public IReadOnlyList<Problem> Problems { get; } = problems;

    public static DomainValidationException One(string field, string description) => new([new Problem(field, description)]);
}

public sealed class ResourceNotFoundException(string resourceType, string resourceName) : Exception($"{resourceType} '{resourceName}' was not found.")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = resourceName;
}

/// <summary>A request that is well formed but not allowed in the current state (a closed wave, a used code).</summary>
public sealed class PreconditionFailedException(string type, string subject, string message) : Exception(message)
{
    public string Type { get; } = type;

    public string Subject { get; } = subject;
}
