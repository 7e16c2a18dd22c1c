using System.Globalization;
using Safeguarding.Audits.V1;

namespace Safeguarding.Audits.Domain;

/// <summary>What each response type accepts. Answer codes are upper case; input is trimmed and upper-cased.</summary>
public static class Answers
{
    public const string NotApplicable = "NOT_APPLICABLE";

    public static readonly IReadOnlyList<string> Grades = ["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"];

    public static readonly IReadOnlyList<string> YesPartlyNo = ["YES", "PARTLY", "NO", NotApplicable];

    public const int MaxTextLength = 4000;

    /// <summary>The codes a categorical criterion accepts (empty for number and free text).</summary>
    public static IReadOnlyList<string> CodesFor(ResponseType type) => type switch
    {
        ResponseType.Graded => [.. Grades, NotApplicable],
        ResponseType.YesPartlyNo => YesPartlyNo,
        _ => [],
    };

    public static bool IsCategorical(ResponseType type) => type is ResponseType.Graded or ResponseType.YesPartlyNo;

    /// <summary>The answer as stored, or null with <paramref name="problem"/> saying why it does not fit.</summary>
    public static string? Normalise(ResponseType type, string? value, out string? problem)
    {
        problem = null;
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            problem = "is empty";
            return null;
        }

        switch (type)
        {
            case ResponseType.Graded:
            case ResponseType.YesPartlyNo:
                var code = trimmed.ToUpperInvariant().Replace(' ', '_');
                if (CodesFor(type).Contains(code))
                {
                    return code;
                }

                problem = $"must be one of {string.Join(", ", CodesFor(type))} for this criterion";
                return null;
            case ResponseType.Number:
                if (decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    return number.ToString(CultureInfo.InvariantCulture);
                }

                problem = "must be a number (\"3\", \"12.5\") for this criterion";
                return null;
            case ResponseType.FreeText:
                var problems = new Problems();
                Text.CheckFree(trimmed, "value", MaxTextLength, problems);
                if (problems.Any)
                {
                    problem = problems.Items[0].Description;
                    return null;
                }

                return trimmed;
            default:
                problem = "the criterion has no response type";
                return null;
        }
    }
}
