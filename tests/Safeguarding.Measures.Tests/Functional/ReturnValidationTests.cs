using Grpc.Core;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Grpc;
using static Safeguarding.Measures.Tests.Functional.ReturnsFixture;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>
/// Validation of a return against the London dataset's rules: a blocking rule across measures (assessments in
/// timescale ≤ assessments) stops submission until explained, an outlier against the agency's own history is flagged
/// without blocking, violations are listed in pages (no cap) to the agency and its partnership only, and a corrected
/// figure resolves its violation on the next validation.
/// </summary>
public abstract class ReturnValidationTests(ReturnsFixture service)
{
    private static readonly V1.Period Quarter = new() { Code = "2023-04/P3M" };

    private static CallOptions As(string organisation) => Calls.AsMemberOf(organisation);

    [Fact]
    public async Task Blocking_violations_stop_submission_until_explained_and_outliers_are_flagged()
    {
        var referrals = await AdoptAsync("front-door-services-measure-1");
        var assessments = await AdoptAsync("front-door-services-measure-2");
        var inTimescale = await AdoptAsync("front-door-services-measure-3");
        for (var month = 0; month < 12; month++)
        {
            await RecordAsync(referrals, 2022 + ((month + 3) / 12), ((month + 3) % 12) + 1, 100 + (month % 4) * 3);
        }

        await RecordAsync(referrals, 2023, 4, 104);
        await RecordAsync(referrals, 2023, 5, 400); // four times the usual
        await RecordAsync(referrals, 2023, 6, 103);
        foreach (var (month, total, timely) in new[] { (4, 50, 40), (5, 50, 60), (6, 50, 45) })
        {
            await RecordAsync(assessments, 2023, month, total);
            await RecordAsync(inTimescale, 2023, month, timely);
        }

        var refused = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => service.Returns.SubmitReturnAsync(Submit(), As(Health)).ResponseAsync);
        Assert.Contains("assessments-in-timescale-within-assessments", refused.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("referrals-outlier", refused.Status.Detail, StringComparison.Ordinal); // not blocking
        Assert.Equal(ReturnState.Open, await StateAsync());

        // Every violation, a page at a time, to the agency and the partnership above it; not to a sibling agency.
        var first = await service.Returns.ListViolationsAsync(List(pageSize: 1), As(Health));
        var second = await service.Returns.ListViolationsAsync(List(pageSize: 1, first.NextPageToken), As(Partnership));
        Assert.Empty(second.NextPageToken);
        var all = first.Violations.Concat(second.Violations).ToList();
        var blocking = Assert.Single(all, v => v.RuleId == "assessments-in-timescale-within-assessments");
        Assert.True(blocking.Blocking);
        Assert.Contains("2023-05/P1M", blocking.Subject, StringComparison.Ordinal);
        var outlier = Assert.Single(all, v => v.RuleId == "referrals-outlier");
        Assert.False(outlier.Blocking);
        Assert.Contains("2023-05/P1M", outlier.Subject, StringComparison.Ordinal);
        Assert.All(all, v => Assert.Equal(ViolationStatus.Open, v.Status));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => service.Returns.ListViolationsAsync(List(), As(Csc)).ResponseAsync);

        var explained = await service.Returns.ResolveViolationAsync(new ResolveViolationRequest
        {
            OrganisationCode = Health, DatasetId = London, Period = Quarter, ViolationId = blocking.Id,
            Resolution = ViolationStatus.Explained, Reason = "April assessments completed in May were counted as May's in timescale",
        }, As(Health));
        Assert.Equal((ViolationStatus.Explained, "analyst-1"), (explained.Status, explained.ResolvedBy));

        var submitted = await service.Returns.SubmitReturnAsync(Submit(), As(Health));
        Assert.Equal(ReturnState.Submitted, submitted.State);

        // Correcting the figure resolves the violation the next time the return is validated.
        var may = (await service.Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = inTimescale, PeriodFrom = Definitions.Month(2023, 5), PeriodTo = Definitions.Month(2023, 5) }, As(Health))).Observations.Single();
        await service.Client.CorrectObservationAsync(new CorrectObservationRequest { ObservationId = may.Id, Value = Definitions.Count(48), CorrectionReason = "recounted" }, As(Health));
        var validated = await service.Returns.ValidateReturnAsync(new ValidateReturnRequest { OrganisationCode = Health, DatasetId = London, Period = Quarter }, As(Partnership));
        Assert.Equal(0, validated.BlockingOpen);
        Assert.DoesNotContain(validated.Violations, v => v.RuleId == "assessments-in-timescale-within-assessments");
        var corrected = await service.Returns.ListViolationsAsync(List(status: ViolationStatus.Corrected), As(Health));
        Assert.Equal(blocking.Id, Assert.Single(corrected.Violations).Id);
    }

    private async Task<string> AdoptAsync(string libraryMeasureId) =>
        (await service.Client.DefineMeasureAsync(new DefineMeasureRequest { LibraryMeasureId = libraryMeasureId, Frequency = Frequency.Monthly }, As(Health))).Definition.Id;

    private Task<RecordObservationResponse> RecordAsync(string measureId, int year, int month, int count) =>
        service.Client.RecordObservationAsync(new RecordObservationRequest { OrganisationCode = Health, MeasureId = measureId, Period = Definitions.Month(year, month), Value = Definitions.Count(count) }, As(Health)).ResponseAsync;

    private static SubmitReturnRequest Submit() => new() { OrganisationCode = Health, DatasetId = London, Period = Quarter };

    private static ListViolationsRequest List(int pageSize = 0, string pageToken = "", ViolationStatus status = ViolationStatus.Unspecified) =>
        new() { OrganisationCode = Health, DatasetId = London, Period = Quarter, PageSize = pageSize, PageToken = pageToken, Status = status };

    private async Task<ReturnState> StateAsync() =>
        (await service.Returns.ListReturnsAsync(new ListReturnsRequest { DatasetId = London, Period = Quarter, OrganisationCodes = { Health } }, As(Health))).Returns.Single().State;
}

public sealed class SqliteReturnValidationTests(SqliteReturnsFixture service) : ReturnValidationTests(service), IClassFixture<SqliteReturnsFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresReturnValidationTests(PostgresReturnsFixture service) : ReturnValidationTests(service), IClassFixture<PostgresReturnsFixture>;
