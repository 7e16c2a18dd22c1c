using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Events.Inbox;

/// <summary>
/// Starts every registered subscription when the host starts (before the server accepts Dapr's
/// <c>/dapr/subscribe</c> call), retrying in the background while a broker is unreachable.
/// </summary>
internal sealed class EventSubscriptionsHostedService(
    IEnumerable<EventSubscription> subscriptions,
    IEventTransport transport,
    IServiceProvider services,
    ILogger<EventSubscriptionsHostedService> logger) : IHostedService, IDisposable
{
    // A broker that is down must not hold the host's startup for long; consuming starts when it is back.
    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IAsyncDisposable> _handles = [];
    private readonly Lock _gate = new();
    private List<Task> _starting = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _starting = [.. subscriptions.Select(s => Task.Run(() => SubscribeWithRetryAsync(s, _stopping.Token), CancellationToken.None))];
        var all = Task.WhenAll(_starting);
        await Task.WhenAny(all, Task.Delay(StartupWait, cancellationToken));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_starting).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Host shutdown timed out, or subscriptions were still retrying.
        }

        IAsyncDisposable[] handles;
        lock (_gate)
        {
            handles = [.. _handles];
            _handles.Clear();
        }

        foreach (var handle in handles)
        {
            await handle.DisposeAsync();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task SubscribeWithRetryAsync(EventSubscription subscription, CancellationToken stopping)
    {
        try
        {
            await subscription.WaitUntilReady(services).WaitAsync(stopping);
            var receiver = subscription.CreateReceiver(services);
            while (true)
            {
                try
                {
                    // In-process and RabbitMQ take batches (one inbox transaction each); Dapr delivers one by one.
                    var handle = transport is IBatchingTransport batching
                        ? await batching.SubscribeAsync(subscription.Topic, receiver, stopping)
                        : await transport.SubscribeAsync(subscription.Topic, receiver.Single, stopping);
                    lock (_gate)
                    {
                        _handles.Add(handle);
                    }

                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    EventsLog.SubscribeFailed(logger, ex, subscription.Topic, RetryDelay);
                    await Task.Delay(RetryDelay, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Host stopping.
        }
    }
}
