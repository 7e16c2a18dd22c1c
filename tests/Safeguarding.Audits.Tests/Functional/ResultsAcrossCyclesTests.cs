using Safeguarding.Audits.Library;
using Safeguarding.Audits.V1;

namespace Safeguarding.Audits.Tests.Functional;

/// <summary>
/// Results as the database counts them: a month range, free-text answers counted as answered, drafts in progress,
/// and last year's programme on the same tool version beside this year's (carried across cycles).
/// </summary>
public abstract class ResultsAcrossCyclesTests<TFixture>(TFixture service) : IClassFixture<TFixture>
    where TFixture : ServiceFixture
{
    private AuditsService.AuditsServiceClient Client => service.Client;

    private async Task<AuditProgramme> ProgrammeAsync(string organisation, string start, string end) =>
        await Client.CreateProgrammeAsync(new CreateProgrammeRequest
        {
            Programme = new AuditProgramme
            {
                Title = $"Case-file audit from {start}", Kind = ProgrammeKind.Continuous, ToolId = AuditToolLibrary.CaseFile, CasesPerMonth = 1,
                SamplingRule = SamplingRule.Random, StartMonth = start, EndMonth = end,
            },
        }, ServiceFixture.As(organisation));

    private async Task AuditAsync(string organisation, string programmeId, string caseReference, string month, string yes, bool final = true, string? comment = null)
    {
        var audit = await Client.StartCaseAuditAsync(new StartCaseAuditRequest { ProgrammeId = programmeId, CaseReference = caseReference, Month = month }, ServiceFixture.As(organisation));
        var save = new SaveCaseAuditRequest
        {
            CaseAuditId = audit.CaseAuditId,
            Answers =
            {
                new Answer { CriterionId = "voice.seen", Value = yes }, new Answer { CriterionId = "voice.recorded", Value = yes },
                new Answer { CriterionId = "assessment.quality", Value = "GOOD" }, new Answer { CriterionId = "assessment.chronology", Value = yes },
                new Answer { CriterionId = "oversight.recorded", Value = yes }, new Answer { CriterionId = "oversight.supervision", Value = yes },
                new Answer { CriterionId = "men.addressed", Value = yes }, new Answer { CriterionId = "overall.grade", Value = "GOOD" },
            },
            Findings = { new Finding { Text = "Supervision not recorded", ContentAreaId = "supervision" } },
        };
        if (comment is not null)
        {
            save.Answers.Add(new Answer { CriterionId = "overall.comment", Value = comment });
        }

        await Client.SaveCaseAuditAsync(save, ServiceFixture.As(organisation));
        if (final)
        {
            await Client.SubmitCaseAuditAsync(new SubmitCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, ServiceFixture.As(organisation));
            await Client.FinaliseCaseAuditAsync(new FinaliseCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, ServiceFixture.As(organisation));
        }
    }

    [Fact]
    public async Task Results_count_a_month_range_free_text_and_drafts_and_show_last_years_programme_beside_them()
    {
        var org = $"NB-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        await Client.AdoptToolAsync(new AdoptToolRequest { LibraryToolId = AuditToolLibrary.CaseFile }, ServiceFixture.As(org));
        var previous = await ProgrammeAsync(org, "2024-04", "2024-06");
        var current = await ProgrammeAsync(org, "2025-04", "2025-06");
        await AuditAsync(org, previous.ProgrammeId, "CASE-0001", "2024-04", "NO");
        await AuditAsync(org, previous.ProgrammeId, "CASE-0002", "2024-06", "NO");
        await AuditAsync(org, current.ProgrammeId, "CASE-0003", "2025-04", "YES", comment: "Plan reviewed with the family");
        await AuditAsync(org, current.ProgrammeId, "CASE-0004", "2025-05", "PARTLY", comment: "Chronology now kept");
        await AuditAsync(org, current.ProgrammeId, "CASE-0005", "2025-05", "YES", final: false);

        var all = await Client.GetProgrammeResultsAsync(new GetProgrammeResultsRequest { ProgrammeId = current.ProgrammeId }, ServiceFixture.As(org));
        Assert.Equal((2, 1), (all.AuditsCounted, all.Completion.InProgress));
        var seen = all.Criteria.Single(c => c.CriterionId == "voice.seen");
        Assert.Equal((2, 1, 1, 0), (seen.Answered, seen.Counts.Single(c => c.Value == "YES").Count, seen.Counts.Single(c => c.Value == "PARTLY").Count, seen.Counts.Single(c => c.Value == "NO").Count));
        Assert.Equal((2, 0), (all.Criteria.Single(c => c.CriterionId == "overall.comment").Answered, all.Criteria.Single(c => c.CriterionId == "overall.comment").Counts.Count));
        Assert.Equal(2, all.Themes.Single(t => t.ContentAreaId == "supervision").Findings);
        var recorded = all.Criteria.Single(c => c.CriterionId == "voice.recorded");
        Assert.Equal((1, 2), (recorded.Numerator, recorded.Denominator));

        // Last year's programme on the same tool version, over all its months.
        Assert.Equal(previous.ProgrammeId, all.PreviousProgrammeId);
        var before = all.PreviousCriteria.Single(c => c.CriterionId == "voice.seen");
        Assert.Equal((2, 2), (before.Answered, before.Counts.Single(c => c.Value == "NO").Count));

        // One month: only its final audit is counted, its draft is in progress.
        var may = await Client.GetProgrammeResultsAsync(new GetProgrammeResultsRequest { ProgrammeId = current.ProgrammeId, FromMonth = "2025-05", ToMonth = "2025-05" }, ServiceFixture.As(org));
        Assert.Equal((1, 1, 1), (may.AuditsCounted, may.Completion.InProgress, may.Completion.Done));
        Assert.Equal(1, may.Criteria.Single(c => c.CriterionId == "voice.seen").Counts.Single(c => c.Value == "PARTLY").Count);
        Assert.Equal(0, may.Criteria.Single(c => c.CriterionId == "voice.seen").Counts.Single(c => c.Value == "YES").Count);
        Assert.Equal(1, may.Themes.Single(t => t.ContentAreaId == "supervision").Findings);
        Assert.Equal(2, may.PreviousCriteria.Single(c => c.CriterionId == "voice.seen").Answered);
    }
}

public sealed class SqliteResultsAcrossCyclesTests(SqliteServiceFixture service) : ResultsAcrossCyclesTests<SqliteServiceFixture>(service);

[Trait("Category", "Integration")]
public sealed class PostgresResultsAcrossCyclesTests(PostgresServiceFixture service) : ResultsAcrossCyclesTests<PostgresServiceFixture>(service);
