using Safeguarding.Audits.Domain;
using Safeguarding.Audits.Library;
using Safeguarding.Audits.V1;

namespace Safeguarding.Audits.Tests.Domain;

public sealed class AnswersAndPseudonymsTests
{
    [Theory]
    [InlineData(ResponseType.Graded, "good", "GOOD")]
    [InlineData(ResponseType.Graded, "requires improvement", "REQUIRES_IMPROVEMENT")]
    [InlineData(ResponseType.YesPartlyNo, " partly ", "PARTLY")]
    [InlineData(ResponseType.Number, "12.50", "12.50")]
    [InlineData(ResponseType.FreeText, "Plan was clear and reviewed", "Plan was clear and reviewed")]
    public void Answers_that_fit_are_normalised(ResponseType type, string given, string stored)
    {
        Assert.Equal(stored, Answers.Normalise(type, given, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(ResponseType.Graded, "YES")]
    [InlineData(ResponseType.YesPartlyNo, "GOOD")]
    [InlineData(ResponseType.Number, "three")]
    [InlineData(ResponseType.FreeText, "Seen at SW1A 1AA")]
    [InlineData(ResponseType.FreeText, "NHS number 943 476 5919")]
    public void Answers_that_do_not_fit_are_refused(ResponseType type, string given)
    {
        Assert.Null(Answers.Normalise(type, given, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void A_case_gives_the_same_pseudonym_within_an_organisation_and_another_elsewhere()
    {
        var pseudonyms = new CasePseudonyms(new AuditsOptions
        {
            CaseReferenceKeys = new Dictionary<string, string> { ["NB-CSC"] = new string('k', 40), ["NB-POLICE"] = new string('p', 40) },
        });
        var first = pseudonyms.For("NB-CSC", "CSC-001234");
        Assert.StartsWith(CasePseudonyms.Prefix, first, StringComparison.Ordinal);
        Assert.DoesNotContain("001234", first, StringComparison.Ordinal);
        Assert.Equal(first, pseudonyms.For("nb-csc", " csc-001 234 "));
        Assert.NotEqual(first, pseudonyms.For("NB-POLICE", "CSC-001234"));
        Assert.NotEqual(first, pseudonyms.For("NB-CSC", "CSC-001235"));
    }

    [Fact]
    public void An_organisation_without_a_key_cannot_reference_cases()
    {
        var pseudonyms = new CasePseudonyms(new AuditsOptions());
        var refused = Assert.Throws<AuditStateException>(() => pseudonyms.For("NB-CSC", "CSC-1"));
        Assert.Equal("CASE_KEY_MISSING", refused.Type);
    }

    [Fact]
    public void Every_library_tool_is_valid_and_the_seed_tools_are_there()
    {
        foreach (var tool in AuditToolLibrary.Tools)
        {
            var problems = new Problems();
            ToolRules.Validate(tool, "tool", problems);
            Assert.False(problems.Any, $"{tool.ToolId}: {string.Join("; ", problems.Items.Select(p => $"{p.Field} {p.Description}"))}");
        }

        Assert.True(AuditToolLibrary.Find(AuditToolLibrary.MultiAgencyChildProtection)!.MultiAgency);
        Assert.Contains(ToolRules.Criteria(AuditToolLibrary.Find(AuditToolLibrary.CaseFile)!), c => c.MeasureLink is not null);
    }

    [Fact]
    public void Wording_does_not_change_a_tools_meaning_but_criteria_and_links_do()
    {
        var tool = AuditToolLibrary.Find(AuditToolLibrary.CaseFile)!.Clone();
        var hash = ToolRules.MeaningHash(tool);
        tool.Title = "Renamed";
        tool.Sections[0].Criteria[0].Guidance = "New guidance";
        Assert.Equal(hash, ToolRules.MeaningHash(tool));
        tool.Sections[0].Criteria[0].ResponseType = ResponseType.Graded;
        Assert.NotEqual(hash, ToolRules.MeaningHash(tool));
    }
}
