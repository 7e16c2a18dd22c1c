using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;

namespace Safeguarding.Measures.Tests.Import;

public sealed class OrganisationsAndReportTests
{
    [Fact]
    public void Successions_apply_from_their_effective_date()
    {
        var registry = new KnownOrganisations(["E06000063", "E06000064"], [new OrganisationSuccession("E10000006", ["E06000063", "E06000064"], new DateOnly(2023, 4, 1))]);

        Assert.Equal(OrganisationStatus.Known, registry.Resolve("E10000006", Period.FinancialYearEnding(2023)).Status);
        var replaced = registry.Resolve("E10000006", Period.FinancialYearEnding(2024));
        Assert.Equal(OrganisationStatus.Replaced, replaced.Status);
        Assert.Equal(["E06000063", "E06000064"], replaced.SuccessorCodes);
        Assert.Equal(OrganisationStatus.Known, registry.Resolve("e06000063", Period.FinancialYearEnding(2024)).Status);
        Assert.Equal(OrganisationStatus.Unknown, registry.Resolve("E09000001", Period.FinancialYearEnding(2024)).Status);
    }

    [Fact]
    public void Special_codes_accept_brackets_and_any_case_and_can_be_extended()
    {
        var codes = SpecialCodes.Default.With([new("*", ObservationState.Suppressed)]);

        Assert.True(codes.TryGet("[LOW]", out var low));
        Assert.Equal(ObservationState.RoundsToZero, low);
        Assert.True(codes.TryGet("*", out var star));
        Assert.Equal(ObservationState.Suppressed, star);
        Assert.False(codes.TryGet("0", out _));
        Assert.Equal(ObservationState.NotAvailable, codes.BlankState);
    }

    [Fact]
    public void The_report_caps_problems_but_keeps_counting()
    {
        var builder = new ImportReportBuilder(maxProblems: 2);
        for (var line = 2; line < 7; line++)
        {
            builder.Add(new ImportRowResult(line, RowOutcome.Rejected, [], [new ImportProblem(line, "x", ProblemSeverity.Error, ImportProblemCodes.NonNumeric, "bad")], []));
        }

        var report = builder.Build();

        Assert.Equal(2, report.Problems.Count);
        Assert.Equal(3, report.ProblemsOmitted);
        Assert.Equal(5, report.ProblemCounts[ImportProblemCodes.NonNumeric]);
        Assert.Equal(5, report.RowsRejected);
    }
}
