using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>Targets and forecasts: set per measure and period, checked against the measure (its unit and frequency), cleared, listed.</summary>
public abstract class MeasureTargetTests : IAsyncLifetime
{
    private readonly FictionalPartnership _partnership = new();
    private ReportingHost _host = null!;
    private global::Grpc.Net.Client.GrpcChannel _channel = null!;
    private QaPlanningCaller _qa = null!;

    public async Task InitializeAsync()
    {
        _host = await ReportingHost.StartAsync(Database);
        _channel = QaPlanningCaller.ChannelTo(_host);
        _qa = new QaPlanningCaller(_channel, _partnership.Code);
        // The class's PostgreSQL database is shared by its tests: wait for this test's events on top of those before.
        var before = await _host.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ReceivedEvents));
        await _host.WaitForReceivedAsync(before + await _partnership.PublishEvidenceAsync(_host));
    }

    protected abstract TestDatabase Database { get; }

    public virtual async Task DisposeAsync()
    {
        _channel.Dispose();
        await _host.DisposeAsync();
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { "percentage-over-100", "target.target" },
        { "negative-forecast", "target.forecast" },
        { "quarter-of-a-monthly-measure", "target.period_code" },
        { "not-a-period", "target.period_code" },
        { "unknown-measure", "target.measure_id" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_targets_are_refused_naming_the_field(string variant, string field)
    {
        var target = Target(_partnership.FeelSafer, "2025-04/P1M", 80, 70);
        switch (variant)
        {
            case "percentage-over-100": target.Target = 100.5; break;
            case "negative-forecast": target.Forecast = -1; break;
            case "quarter-of-a-monthly-measure": target.PeriodCode = "2025-04/P3M"; break;
            case "not-a-period": target.PeriodCode = "April 2025"; break;
            case "unknown-measure": target.MeasureId = "no-such-measure"; break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => SetAsync(target));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field));
        Assert.Empty((await ListAsync()).Targets);
    }

    [Fact]
    public async Task A_target_and_forecast_are_set_replaced_cleared_and_listed_by_measure_and_period()
    {
        // A count has no upper bound; a percentage of exactly 100 is allowed.
        await SetAsync(Target(_partnership.Referrals, "2025-05/P1M", 250, null));
        await SetAsync(Target(_partnership.FeelSafer, "2025-05/P1M", 100, 60));
        await SetAsync(Target(_partnership.FeelSafer, "2025-04/P1M", 80, 55));
        var replaced = await SetAsync(Target(_partnership.FeelSafer, "2025-04/P1M", null, 58));
        Assert.False(replaced.HasTarget);
        Assert.Equal((58d, "user-analyst-1"), (replaced.Forecast, replaced.UpdatedBy));

        var listed = await ListAsync(_partnership.FeelSafer);
        Assert.Equal([("2025-04/P1M", (double?)null, (double?)58), ("2025-05/P1M", 100, 60)], listed.Targets.Select(t => (t.PeriodCode, t.HasTarget ? t.Target : (double?)null, t.HasForecast ? t.Forecast : (double?)null)));

        await SetAsync(Target(_partnership.FeelSafer, "2025-05/P1M", null, null));
        Assert.Equal(["2025-04/P1M"], (await ListAsync(_partnership.FeelSafer)).Targets.Select(t => t.PeriodCode));
        Assert.Equal(2, (await ListAsync()).Targets.Count);

        var other = await Assert.ThrowsAsync<RpcException>(() => _qa.CallAsync<SetMeasureTargetRequest, MeasureTarget>(
            "SetMeasureTarget", new SetMeasureTargetRequest { Target = Target(_partnership.FeelSafer, "2025-06/P1M", 80, 70) }, target: "someone-else"));
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
    }

    private MeasureTarget Target(string measure, string period, double? target, double? forecast)
    {
        var t = new MeasureTarget { OrganisationCode = _partnership.Code, MeasureId = measure, PeriodCode = period };
        if (target is { } v)
        {
            t.Target = v;
        }

        if (forecast is { } f)
        {
            t.Forecast = f;
        }

        return t;
    }

    private Task<MeasureTarget> SetAsync(MeasureTarget target) =>
        _qa.CallAsync<SetMeasureTargetRequest, MeasureTarget>("SetMeasureTarget", new SetMeasureTargetRequest { Target = target });

    private Task<ListMeasureTargetsResponse> ListAsync(string measure = "") =>
        _qa.CallAsync<ListMeasureTargetsRequest, ListMeasureTargetsResponse>("ListMeasureTargets", new ListMeasureTargetsRequest { OrganisationCode = _partnership.Code, MeasureId = measure });
}

public sealed class SqliteMeasureTargetTests : MeasureTargetTests
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();

    protected override TestDatabase Database => _database;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[Trait("Category", "Integration")]
public sealed class PostgresMeasureTargetTests(PostgresClassDatabase postgres) : MeasureTargetTests, IClassFixture<PostgresClassDatabase>
{
    protected override TestDatabase Database => postgres.Database;
}
