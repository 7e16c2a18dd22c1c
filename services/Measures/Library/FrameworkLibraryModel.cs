using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Library;

/// <summary>One of the framework's three groups of content areas.</summary>
public sealed record LibraryGroup(string Id, string Title, string Description);

/// <summary>A "what good looks like" statement (Module 2), typed outcome or quality.</summary>
public sealed record GoodStatement(string Id, InformationType Type, string Text);

/// <summary>A question for leadership and scrutiny (Module 3).</summary>
public sealed record ScrutinyQuestion(string Id, string Text);

/// <summary>A source and method for a type of information in an area (Module 4).</summary>
public sealed record InformationSource(InformationType InformationType, Source Source, string Method);

/// <summary>An example measure (Module 5). <see cref="Inferred"/> marks the library's own judgement calls.</summary>
public sealed record LibraryMeasure(
    string Id,
    string Title,
    InformationType Type,
    Source Source,
    MeasureUnit Unit,
    Polarity Polarity,
    string? Numerator,
    string? Denominator,
    FollowUp FollowUp,
    bool Sampled,
    bool Inferred);

public sealed record ContentArea(
    string Id,
    string Group,
    string Title,
    string WhyItMatters,
    IReadOnlyList<GoodStatement> GoodStatements,
    IReadOnlyList<ScrutinyQuestion> ScrutinyQuestions,
    IReadOnlyList<InformationSource> Sources,
    IReadOnlyList<LibraryMeasure> Measures);
