using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Library;

namespace Safeguarding.Measures.Application.ContentAreas;

/// <summary>Checks an organisation's content area; problems are named under <c>field</c> with the wire's names.</summary>
public static class ContentAreaRules
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;

    public static void Check(OrganisationContentArea area, string field, ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(problems);
        if (!Text.IsSlug(area.Id))
        {
            problems.Add(field + ".id", "must be 1 to 80 lower-case letters, digits, '_', '.' or '-', starting with a letter");
        }

        if (!FrameworkLibrary.GroupIds.Contains(area.Group))
        {
            problems.Add(field + ".group", $"must be one of {string.Join(", ", FrameworkLibrary.GroupIds)}");
        }

        if (!Text.IsLabel(area.Title, MaxTitleLength))
        {
            problems.Add(field + ".title", $"must be single-line text of 1 to {MaxTitleLength} characters");
        }
        else if (Text.PersonalDetailProblem(area.Title) is { } personalTitle)
        {
            problems.Add(field + ".title", personalTitle);
        }

        if (!Text.IsLabel(area.WhyItMatters, MaxTextLength))
        {
            problems.Add(field + ".why_it_matters", $"must be single-line text of 1 to {MaxTextLength} characters");
        }
        else if (Text.PersonalDetailProblem(area.WhyItMatters) is { } personalWhy)
        {
            problems.Add(field + ".why_it_matters", personalWhy);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < area.Statements.Count; i++)
        {
            var statement = area.Statements[i];
            var path = FieldPath.Index(field + ".good_statements", i);
            CheckItem(statement.Id, statement.Text, path, ids, problems);
            if (statement.Type is not (InformationType.Outcome or InformationType.Quality))
            {
                problems.Add(path + ".type", "a statement is an outcome or a quality statement");
            }
        }

        for (var i = 0; i < area.Questions.Count; i++)
        {
            CheckItem(area.Questions[i].Id, area.Questions[i].Text, FieldPath.Index(field + ".scrutiny_questions", i), ids, problems);
        }
    }

    private static void CheckItem(string id, string text, string path, HashSet<string> ids, ValidationProblems problems)
    {
        if (!Text.IsSlug(id))
        {
            problems.Add(path + ".id", "must be a lower-case id (letters, digits, '_', '.', '-')");
        }
        else if (!ids.Add(id))
        {
            problems.Add(path + ".id", $"'{id}' is used by another statement or question of the area");
        }

        if (!Text.IsLabel(text, MaxTextLength))
        {
            problems.Add(path + ".text", $"must be single-line text of 1 to {MaxTextLength} characters");
        }
        else if (Text.PersonalDetailProblem(text) is { } personal)
        {
            problems.Add(path + ".text", personal);
        }
    }
}
