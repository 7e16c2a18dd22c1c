using System.Text.RegularExpressions;

namespace Safeguarding.Audits.Domain;

/// <summary>
/// The link from an audit exercise to a case review (issue 15 item 4): <c>casereviews:&lt;review id&gt;</c>, the id as
/// the case reviews service writes it (lower-case letters, digits, '-' and '.'), checked for shape only (the
/// services share no database); and the review's child as a pseudonymous label ("Child N"), never a name.
/// </summary>
public static partial class CaseReviewLink
{
    public const string Prefix = "casereviews:";

    public static bool IsLink(string? value) => value is not null && LinkPattern().IsMatch(value);

    public static bool IsChildReference(string? value) => value is not null && ChildPattern().IsMatch(value);

    /// <summary>Checks a link and its child; both absent is no link. Problems are named under <paramref name="prefix"/>.</summary>
    public static void Check(string? link, string? child, string prefix, Problems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var hasLink = !string.IsNullOrWhiteSpace(link);
        if (hasLink && !IsLink(link!.Trim()))
        {
            problems.Add($"{prefix}case_review", "must name a case review as \"casereviews:<review id>\" (the review id: lower-case letters, digits, '-' and '.', at most 40)");
        }

        if (!hasLink)
        {
            if (!string.IsNullOrWhiteSpace(child))
            {
                problems.Add($"{prefix}case_review_child", "is only given with case_review");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(child))
        {
            problems.Add($"{prefix}case_review_child", "is required with case_review: the review's pseudonymous child reference such as \"Child N\"");
        }
        else if (!IsChildReference(child.Trim()))
        {
            problems.Add($"{prefix}case_review_child", "must be a pseudonymous label such as \"Child N\", \"Baby R\" or \"Children A and B\"; never a name");
        }
    }

    [GeneratedRegex("^casereviews:[a-z0-9][a-z0-9.-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    // As the case reviews service accepts them: "Child Q", "Baby R", "Children A and B", "Young Person T".
    [GeneratedRegex("^(Child|Children|Baby|Young Person|Family|Sibling Group) [A-Z0-9]{1,4}( (and|&) [A-Z0-9]{1,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChildPattern();
}
