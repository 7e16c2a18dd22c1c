using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Narrative;

namespace Safeguarding.Reporting.Tests.Narrative;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("In 2025-26 re-referrals fell for the second year.")]
    [InlineData("Compared with 2024/2025, timeliness improved.")]
    [InlineData("The audit on 2025-04-01 covered 24 cases; 1,250 contacts were screened.")]
    [InlineData("Rates per 10,000 children rose from 412.5 to 430.1.")]
    public void Ordinary_report_text_with_years_and_figures_is_accepted(string text)
    {
        var problems = new List<FieldProblem>();

        TextRules.Text(problems, "body", text, 2000);

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("Child's NHS number 943 476 5919 was shared.", "an identifying number")]
    [InlineData("Case 2025-123456 was escalated.", "an identifying number")]
    [InlineData("UPN 2012345678901 appears twice.", "an identifying number")]
    [InlineData("Call mum on 07700 900123.", "a phone number")]
    [InlineData("Lives at NW1 2DB.", "a postcode")]
    [InlineData("Email a.parent@example.org for details.", "an e-mail address")]
    public void Identifiers_are_still_refused(string text, string what)
    {
        var problems = new List<FieldProblem>();

        TextRules.Text(problems, "body", text, 2000);

        var problem = Assert.Single(problems);
        Assert.Equal("body", problem.Field);
        Assert.Contains(what, problem.Description, StringComparison.Ordinal);
    }
}
