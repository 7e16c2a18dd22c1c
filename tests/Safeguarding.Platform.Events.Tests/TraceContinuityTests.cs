using System.Collections.Concurrent;
using System.Diagnostics;
using Safeguarding.Platform.Events.InProcess;
using Safeguarding.Platform.Events.Tests.Support;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Testing;

namespace Safeguarding.Platform.Events.Tests;

/// <summary>A trace started by a publisher's request continues in the consumer's handling span.</summary>
public abstract class TraceContinuityTests : IAsyncLifetime, IDisposable
{
    private static readonly ActivitySource Requests = new("Safeguarding.Tests.Requests");
    private readonly ConcurrentBag<Activity> _stopped = [];
    private readonly ActivityListener _listener;
    private readonly List<IAsyncDisposable> _cleanup = [];

    protected TraceContinuityTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is EventsTelemetry.Name or "Safeguarding.Tests.Requests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    protected abstract EventsOptions Options(string consumerId);

    /// <summary>Starts what the transport needs beside the services (a sidecar); disposed after the test.</summary>
    protected virtual Task<IAsyncDisposable?> StartTransportAsync() => Task.FromResult<IAsyncDisposable?>(null);

    /// <summary>Connects a started consumer to the broker where the transport does not do it itself.</summary>
    protected virtual Task ConsumerStartedAsync(ProbeService consumer) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        if (await StartTransportAsync() is { } transport)
        {
            _cleanup.Add(transport);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var item in Enumerable.Reverse(_cleanup))
        {
            await item.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_consumer_handling_span_is_in_the_publisher_request_trace()
    {
        var topic = ProbeTopics.Unique();
        var broker = new InProcessBroker();
        var behaviour = new ProbeConsumerBehaviour();
        await using var consumer = await ProbeService.StartAsync(NewDatabase(), Options(TestOptions.NewConsumerId()), behaviour, topic, broker: broker);
        await ConsumerStartedAsync(consumer);
        await using var producer = await ProbeService.StartAsync(NewDatabase(), Options(TestOptions.NewConsumerId()), outbox: true, broker: broker);

        ActivityContext request;
        using (var activity = Requests.StartActivity("POST /probes", ActivityKind.Server)!)
        {
            request = activity.Context;
            await producer.RecordProbesAsync(topic, [("p-trace", "org-1", 1)]);
        }

        await Eventually.WaitAsync(async () => (await consumer.CountEffectsAsync()).Rows == 1, "the event was applied");
        // Dapr's sidecar delivers while the publish call is still open, so the send span can end after the process span.
        await Eventually.WaitAsync(() => Task.FromResult(_stopped.Any(a => a.OperationName == $"process {topic.Name}" && a.TraceId == request.TraceId)), "the process span ended");
        await Eventually.WaitAsync(() => Task.FromResult(_stopped.Any(a => a.OperationName == $"send {topic.Name}" && a.TraceId == request.TraceId)), "the send span ended");

        var create = Assert.Single(_stopped, a => a.OperationName == $"create {topic.Name}" && a.TraceId == request.TraceId);
        Assert.Equal(request.SpanId, create.ParentSpanId);
        Assert.Equal(ActivityKind.Producer, create.Kind);
        var send = Assert.Single(_stopped, a => a.OperationName == $"send {topic.Name}" && a.TraceId == request.TraceId);
        Assert.Equal(create.SpanId, send.ParentSpanId);
        var process = Assert.Single(_stopped, a => a.OperationName == $"process {topic.Name}" && a.TraceId == request.TraceId);
        Assert.Equal(ActivityKind.Consumer, process.Kind);
        Assert.Equal(create.SpanId, process.ParentSpanId);
        var handling = Assert.Single(behaviour.HandlingContexts);
        Assert.Equal(request.TraceId, handling.TraceId);
        Assert.Equal(process.SpanId, handling.SpanId);
    }

    private PersistenceOptions NewDatabase()
    {
        var database = SqliteTestDatabase.Create();
        _cleanup.Add(database);
        return new PersistenceOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = database.ConnectionString };
    }
}

public sealed class InProcessTraceContinuityTests : TraceContinuityTests
{
    protected override EventsOptions Options(string consumerId) => TestOptions.InProcess(consumerId);
}

[Trait("Category", "Integration")]
public sealed class RabbitMqTraceContinuityTests : TraceContinuityTests
{
    protected override EventsOptions Options(string consumerId) => TestOptions.RabbitMq(consumerId);
}

/// <summary>Through the Dapr SDK and the fake sidecar (Dapr's gRPC API), which delivers to the consumer's route.</summary>
public sealed class DaprTraceContinuityTests : TraceContinuityTests
{
    private FakeDaprSidecar _sidecar = null!;

    protected override EventsOptions Options(string consumerId) => TestOptions.Dapr(consumerId, _sidecar);

    protected override async Task<IAsyncDisposable?> StartTransportAsync() => _sidecar = await FakeDaprSidecar.StartAsync(apiToken: "sidecar-token");

    protected override Task ConsumerStartedAsync(ProbeService consumer) => _sidecar.SubscribeAppAsync(consumer.Address);
}
