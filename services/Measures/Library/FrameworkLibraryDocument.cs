namespace Safeguarding.Measures.Library;

// The YAML shape of framework-library.v1.yaml (snake_case keys, UnderscoredNamingConvention).
// Plain settable classes because YamlDotNet fills them; FrameworkLibrary checks them.
#pragma warning disable CA1812, CA2227 // Instantiated and filled by the YAML deserializer.

internal sealed class LibraryDocument
{
    public int LibraryVersion { get; set; }

    public string? Title { get; set; }

    public string? SourceDocument { get; set; }

    public List<GroupDocument>? Groups { get; set; }

    public List<AreaDocument>? ContentAreas { get; set; }
}

internal sealed class GroupDocument
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }
}

internal sealed class AreaDocument
{
    public string? Id { get; set; }

    public string? Group { get; set; }

    public string? Title { get; set; }

    public string? WhyItMatters { get; set; }

    public List<StatementDocument>? GoodStatements { get; set; }

    public List<QuestionDocument>? ScrutinyQuestions { get; set; }

    public List<SourceDocument>? Sources { get; set; }

    public List<LibraryMeasureDocument>? Measures { get; set; }
}

internal sealed class StatementDocument
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public string? Text { get; set; }
}

internal sealed class QuestionDocument
{
    public string? Id { get; set; }

    public string? Text { get; set; }
}

internal sealed class SourceDocument
{
    public string? InformationType { get; set; }

    public string? Source { get; set; }

    public string? Method { get; set; }
}

internal sealed class LibraryMeasureDocument
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Type { get; set; }

    public string? Source { get; set; }

    public string? Unit { get; set; }

    public string? Polarity { get; set; }

    public string? Numerator { get; set; }

    public string? Denominator { get; set; }

    public string? FollowUp { get; set; }

    public bool? Sampled { get; set; }

    public bool? Inferred { get; set; }
}

#pragma warning restore CA1812, CA2227
