using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Safeguarding.Platform.Events.RabbitMq;

/// <summary>
/// One auto-recovering AMQP connection per transport. The client library reconnects after a broker
/// restart and re-declares the recorded exchanges, queues, bindings and consumers; this class adds
/// the first connection (which the library does not retry) and the logging.
/// </summary>
internal sealed class RabbitMqConnection(RabbitMqOptions options, string clientName, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    /// <summary>Raised after the library has recovered the connection and topology.</summary>
    public event Func<Task>? Recovered;

    public async Task<IConnection> GetAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } existing)
        {
            return existing;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (_connection is null)
            {
                var factory = new ConnectionFactory
                {
                    Uri = new Uri(options.ConnectionString),
                    AutomaticRecoveryEnabled = true,
                    TopologyRecoveryEnabled = true,
                    NetworkRecoveryInterval = options.ReconnectInterval,
                    RequestedHeartbeat = TimeSpan.FromSeconds(10),
                    ClientProvidedName = clientName,
                };
                try
                {
                    var connection = await factory.CreateConnectionAsync(cancellationToken);
                    connection.ConnectionShutdownAsync += OnShutdownAsync;
                    connection.RecoverySucceededAsync += OnRecoveredAsync;
                    _connection = connection;
                }
                catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException)
                {
                    EventsLog.RabbitConnectFailed(logger, ex, factory.Endpoint.ToString(), options.ReconnectInterval);
                    await Task.Delay(options.ReconnectInterval, cancellationToken);
                }
            }

            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            // Abort: whatever is unacknowledged goes back to the queue for the next consumer.
            await connection.CloseAsync(Constants.ReplySuccess, "disposed", TimeSpan.FromSeconds(2), abort: true);
            connection.Dispose();
            _connection = null;
        }

        _gate.Dispose();
    }

    private Task OnShutdownAsync(object sender, ShutdownEventArgs args)
    {
        if (args.Initiator != ShutdownInitiator.Application)
        {
            EventsLog.RabbitConnectionLost(logger, $"{args.ReplyCode} {args.ReplyText}");
        }

        return Task.CompletedTask;
    }

    private async Task OnRecoveredAsync(object sender, AsyncEventArgs args)
    {
        EventsLog.RabbitRecovered(logger);
        if (Recovered is { } recovered)
        {
            await recovered();
        }
    }
}
