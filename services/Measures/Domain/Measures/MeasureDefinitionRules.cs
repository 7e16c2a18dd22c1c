namespace Safeguarding.Measures.Domain;

/// <summary>Checks a definition; problems name snake_case fields of the definition.</summary>
public static class MeasureDefinitionRules
{
    public const int MaxTitleLength = 200;
    public const int MaxDefinitionLength = 1000;
    public const int MaxDescriptionLength = 4000;

    public static IReadOnlyList<ValidationProblem> Validate(MeasureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new ValidationProblems();
        if (!Text.IsSlug(definition.Id))
        {
            problems.Add("id", "must be 1 to 80 lower-case letters, digits, '_', '.' or '-', starting with a letter");
        }

        if (!Text.IsLabel(definition.Title, MaxTitleLength))
        {
            problems.Add("title", $"must be single-line text of 1 to {MaxTitleLength} characters");
        }
        else if (Text.PersonalDetailProblem(definition.Title) is { } personal)
        {
            problems.Add("title", personal);
        }

        if (definition.Description is { Length: > MaxDescriptionLength })
        {
            problems.Add("description", $"must be at most {MaxDescriptionLength} characters");
        }

        if (!Text.IsSlug(definition.ContentAreaId))
        {
            problems.Add("content_area_id", "must be a content area id (lower-case letters, digits, '_', '.', '-')");
        }

        RequireDefined(definition.Type, "type", problems);
        RequireDefined(definition.Source, "source", problems);
        RequireDefined(definition.Method, "method", problems);
        RequireDefined(definition.Unit, "unit", problems);
        RequireDefined(definition.Polarity, "polarity", problems);
        RequireDefined(definition.Frequency, "frequency", problems);
        RequireDefined(definition.Sampling, "sampling", problems);
        RequireDefined(definition.FollowUp, "follow_up", problems);
        CheckFraction(definition, problems);

        if (definition.FollowUp != FollowUp.None && definition.Type != InformationType.Outcome)
        {
            problems.Add("follow_up", "only outcome measures have a follow-up horizon");
        }

        if (definition.Sampling == Sampling.Sample && definition.Unit != MeasureUnit.Percentage)
        {
            problems.Add("sampling", "sampled measures must be percentages (a share of the cases or people sampled)");
        }

        for (var i = 0; i < definition.Breakdowns.Count; i++)
        {
            if (!Text.IsSlug(definition.Breakdowns[i]))
            {
                problems.Add(FieldPath.Index("breakdowns", i), $"'{definition.Breakdowns[i]}' is not a valid dimension id");
            }
        }

        if (definition.Breakdowns.Distinct(StringComparer.Ordinal).Count() != definition.Breakdowns.Count)
        {
            problems.Add("breakdowns", "must not repeat a dimension");
        }

        return problems.Items;
    }

    public static void EnsureValid(MeasureDefinition definition)
    {
        var problems = Validate(definition);
        if (problems.Count > 0)
        {
            throw new DomainValidationException(problems);
        }
    }

    private static void CheckFraction(MeasureDefinition definition, ValidationProblems problems)
    {
        CheckDefinitionText(definition.NumeratorDefinition, "numerator_definition", problems);
        CheckDefinitionText(definition.DenominatorDefinition, "denominator_definition", problems);
        if (string.IsNullOrWhiteSpace(definition.NumeratorDefinition))
        {
            problems.Add("numerator_definition", definition.Unit == MeasureUnit.Count
                ? "is required: say what is counted"
                : "is required for a percentage, ratio or rate");
        }

        if (definition.Unit == MeasureUnit.Count && !string.IsNullOrWhiteSpace(definition.DenominatorDefinition))
        {
            problems.Add("denominator_definition", "must be empty for a count");
        }
        else if (definition.Unit != MeasureUnit.Count && string.IsNullOrWhiteSpace(definition.DenominatorDefinition))
        {
            problems.Add("denominator_definition", "is required for a percentage, ratio or rate");
        }
    }

    private static void CheckDefinitionText(string? text, string field, ValidationProblems problems)
    {
        if (text is { Length: > MaxDefinitionLength })
        {
            problems.Add(field, $"must be at most {MaxDefinitionLength} characters");
        }
    }

    private static void RequireDefined<TEnum>(TEnum value, string field, ValidationProblems problems)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            problems.Add(field, $"must be one of {WireNames.Legal<TEnum>()}");
        }
    }
}
