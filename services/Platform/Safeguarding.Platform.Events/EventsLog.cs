using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Events;

// Logs carry topic, event id, counts and exception types: never payloads or subjects.
internal static partial class EventsLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Handler for {Topic} failed on event {EventId} (attempt {Attempt})")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string topic, string? eventId, int attempt);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Event {EventId} on {Topic} dropped by its handler")]
    public static partial void Dropped(ILogger logger, string topic, string? eventId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Event {EventId} on {Topic} failed {Attempts} times; giving up")]
    public static partial void AttemptsExhausted(ILogger logger, string topic, string? eventId, int attempts);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Unreadable message on {Topic} dead-lettered: {Reason}")]
    public static partial void Unreadable(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Event {EventId} on {Topic} already processed by {Consumer}")]
    public static partial void Duplicate(ILogger logger, string topic, string? eventId, string consumer);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "A batch of {Count} events on {Topic} was rolled back; handling them one by one")]
    public static partial void BatchRolledBack(ILogger logger, Exception? exception, string topic, int count);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error, Message = "Consuming {Topic} failed unexpectedly; {Count} deliveries go back to the queue")]
    public static partial void ConsumeLoopFailed(ILogger logger, Exception exception, string topic, int count);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Outbox of {Context}: publishing failed for {Failed} events; retrying in {Delay}")]
    public static partial void OutboxPublishFailed(ILogger logger, Exception? exception, string context, int failed, TimeSpan delay);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug, Message = "Outbox of {Context}: published {Count} events")]
    public static partial void OutboxPublished(ILogger logger, string context, int count);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Error, Message = "Outbox of {Context}: dispatch cycle failed; retrying in {Delay}")]
    public static partial void OutboxCycleFailed(ILogger logger, Exception exception, string context, TimeSpan delay);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Removed {Outbox} sent outbox rows and {Inbox} inbox rows of {Context} past retention")]
    public static partial void RetentionApplied(ILogger logger, int outbox, int inbox, string context);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Subscribed to {Topic} via {Transport}")]
    public static partial void Subscribed(ILogger logger, string topic, string transport);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning, Message = "Subscribing to {Topic} failed; retrying in {Delay}")]
    public static partial void SubscribeFailed(ILogger logger, Exception exception, string topic, TimeSpan delay);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Warning, Message = "RabbitMQ connection to {Endpoint} failed; retrying in {Delay}")]
    public static partial void RabbitConnectFailed(ILogger logger, Exception exception, string endpoint, TimeSpan delay);

    [LoggerMessage(EventId = 2031, Level = LogLevel.Warning, Message = "RabbitMQ connection lost ({Reason}); recovering")]
    public static partial void RabbitConnectionLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 2032, Level = LogLevel.Information, Message = "RabbitMQ connection recovered")]
    public static partial void RabbitRecovered(ILogger logger);

    [LoggerMessage(EventId = 2033, Level = LogLevel.Debug, Message = "Could not settle delivery on {Queue}; the broker will redeliver it")]
    public static partial void RabbitSettleFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(EventId = 2034, Level = LogLevel.Warning, Message = "RabbitMQ channel of {Queue} closed ({Reason}); re-subscribing")]
    public static partial void RabbitChannelClosed(ILogger logger, string queue, string reason);

    [LoggerMessage(EventId = 2040, Level = LogLevel.Warning, Message = "Dapr call to {Path} rejected: missing or wrong dapr-api-token")]
    public static partial void DaprUnauthorized(ILogger logger, string path);

    [LoggerMessage(EventId = 2041, Level = LogLevel.Information, Message = "Dapr delivered an event for {Topic} before its subscription started; answered RETRY")]
    public static partial void DaprSubscriptionNotReady(ILogger logger, string topic);
}
