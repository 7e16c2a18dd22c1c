using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.Gateway.V1;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.SharedState;

/// <summary>
/// Two gateway replicas sharing one real redis-server keep London-wide answers between them: asked once, answered
/// from the cache on either replica for a caller with the same view, never for a caller who may see otherwise;
/// a measures event retires the answers on both; partial answers are not kept.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AreaAnswersShareTests : IAsyncLifetime
{
    private const string Quarter = "2024-04/P3M";
    private static readonly Method<GetMeasureAcrossOrganisationsRequest, GetMeasureAcrossOrganisationsResponse> Across =
        DescriptorMethods.Create<GetMeasureAcrossOrganisationsRequest, GetMeasureAcrossOrganisationsResponse>(MeasuresAggregation.Descriptor, "GetMeasureAcrossOrganisations");

    // One deployment's keys and one consumer group: both replicas share them, and no other test's.
    private readonly string _keyPrefix = "test-" + Guid.NewGuid().ToString("N") + ":";
    private readonly string _consumerId = "gateway-" + Guid.NewGuid().ToString("N");
    private readonly string _analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);

    private RedisServer _redis = null!;
    private FakeMeasuresInstance _camden = null!;
    private FakeMeasuresInstance _islington = null!;
    private GatewayHost _first = null!;
    private GatewayHost _second = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _camden = await FakeMeasuresInstance.StartAsync();
        _islington = await FakeMeasuresInstance.StartAsync();
        _camden.Add("camden-csc", MeasureUnit.Count, new Dictionary<string, ObservationValue> { [Quarter] = FakeMeasuresInstance.Count(40) })
            .Add("camden-health", MeasureUnit.Count, new Dictionary<string, ObservationValue> { [Quarter] = FakeMeasuresInstance.Count(25) });
        _islington.Add("islington-police", MeasureUnit.Count, new Dictionary<string, ObservationValue> { [Quarter] = FakeMeasuresInstance.Count(12) });
        _first = await StartReplicaAsync();
        _second = await StartReplicaAsync();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _camden.DisposeAsync();
        await _islington.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task An_answer_is_computed_once_for_both_replicas_and_only_for_callers_with_the_same_view()
    {
        var fromFirst = await AskAsync(_first, _analyst);
        var asked = CamdenCalls();
        Assert.True(asked > 0);

        var fromSecond = await AskAsync(_second, _analyst);
        Assert.Equal(asked, CamdenCalls());
        Assert.Equal(fromFirst, fromSecond);

        // Another analyst of the region sees what the first does: the same entry.
        await AskAsync(_second, TestTokens.For("region-2", "london", Roles.RegionAnalyst));
        Assert.Equal(asked, CamdenCalls());

        // Camden's board may see camden's sharing agencies raw: its own answer, computed for it.
        await AskAsync(_second, TestTokens.For("board-1", "camden", Roles.BoardMember));
        Assert.True(CamdenCalls() > asked);
    }

    [Fact]
    public async Task A_measures_event_heard_by_either_replica_retires_the_answer_on_both()
    {
        await AskAsync(_first, _analyst);
        await AskAsync(_second, _analyst);
        var asked = CamdenCalls();
        _camden.Add("camden-csc", MeasureUnit.Count, new Dictionary<string, ObservationValue> { [Quarter] = FakeMeasuresInstance.Count(41) });

        var transport = _first.Services.GetRequiredService<IEventTransport>();
        await transport.PublishAsync("measures.observation-recorded.v1", ProtoCloudEvents.Create(
            new ObservationRecorded { OrganisationCode = "camden-csc", MeasureId = "m" }, "/measures/camden", "camden-csc", DateTimeOffset.UtcNow));

        await Eventually(async () =>
        {
            var answer = await AskAsync(_second, _analyst);
            return answer.Figures.Single(f => f.OrganisationCode == "camden-csc").Amount.Value == "41";
        });
        Assert.True(CamdenCalls() > asked);
        var fromFirst = await AskAsync(_first, _analyst);
        Assert.Equal("41", fromFirst.Figures.Single(f => f.OrganisationCode == "camden-csc").Amount.Value);
    }

    [Fact]
    public async Task A_partial_answer_is_not_kept()
    {
        await _islington.StopAsync();

        var partial = await AskAsync(_first, _analyst);
        Assert.Contains(partial.Outcomes, o => o.Status == OrganisationStatus.Unavailable);
        var asked = CamdenCalls();

        await AskAsync(_second, _analyst);
        Assert.True(CamdenCalls() > asked, "the second replica asked again");
    }

    private Task<GatewayHost> StartReplicaAsync() =>
        GatewayHost.StartAsync(
            TestRegistry.Document(new Dictionary<string, Uri> { ["camden-shared"] = _camden.Address, ["islington"] = _islington.Address, ["islington-csc"] = _islington.Address }, service: "measures"),
            settings: new Dictionary<string, string?>
            {
                ["Gateway:SharedState:Redis"] = _redis.Configuration,
                ["Gateway:SharedState:KeyPrefix"] = _keyPrefix,
                ["Gateway:SharedState:OperationTimeout"] = "00:00:05",
                ["Events:ConsumerId"] = _consumerId,
            });

    private static async Task<GetMeasureAcrossOrganisationsResponse> AskAsync(GatewayHost replica, string token) =>
        await replica.Channel.UnaryCall(Across, new GetMeasureAcrossOrganisationsRequest { MeasureId = "m" }, GatewayHost.As(token, timeout: TimeSpan.FromSeconds(20)));

    private int CamdenCalls()
    {
        lock (_camden.Calls)
        {
            return _camden.Calls.Count;
        }
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            await Task.Delay(50, patience.Token);
        }
    }
}
