using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Events.Inbox;
using Safeguarding.Platform.Events.Outbox;
using Safeguarding.Platform.Persistence;

namespace Safeguarding.Platform.Events;

/// <summary>Adds a service's outbox dispatcher and its event subscriptions.</summary>
public sealed class EventsBuilder
{
    internal EventsBuilder(IServiceCollection services, EventsOptions options)
    {
        Services = services;
        Options = options;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The bound <c>Events</c> options.</summary>
    public EventsOptions Options { get; }

    /// <summary>
    /// Publishes <typeparamref name="TContext"/>'s outbox in the background. Write events with
    /// <see cref="IEventOutbox.Add{TMessage}"/> before SaveChanges.
    /// </summary>
    public EventsBuilder AddOutbox<TContext>()
        where TContext : DbContext
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxDispatcher<TContext>>());
        AddRetention<TContext>();
        return this;
    }

    /// <summary>
    /// Consumes <paramref name="topic"/> with <typeparamref name="TConsumer"/> (scoped, one scope per event) through
    /// the inbox of <typeparamref name="TContext"/>: at-least-once delivery, effect once; deliveries that arrive
    /// together are committed in one transaction (<see cref="EventsOptions.ConsumerBatchSize"/>).
    /// </summary>
    public EventsBuilder AddSubscription<TContext, TMessage, TConsumer>(EventTopic<TMessage> topic)
        where TContext : DbContext
        where TMessage : IMessage<TMessage>, new()
        where TConsumer : class, IEventConsumer<TMessage>
    {
        ArgumentNullException.ThrowIfNull(topic);
        Services.TryAddScoped<TConsumer>();
        var consumerKey = RabbitMq.RabbitMqTopology.QueueName(Options.ConsumerId, topic.Name);
        Services.AddSingleton(new EventSubscription(
            topic.Name,
            provider => new InboxReceiver<TContext, TMessage, TConsumer>(
                provider.GetRequiredService<IServiceScopeFactory>(),
                topic.Name,
                consumerKey,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<TConsumer>()).AsSubscriptionReceiver(),
            provider => provider.GetService<PlatformDatabase<TContext>>()?.Ready ?? Task.CompletedTask));
        AddRetention<TContext>();
        return this;
    }

    /// <summary>
    /// Hands every event of <paramref name="topic"/> to <paramref name="createReceiver"/>'s receiver without an inbox:
    /// at-least-once and in no particular order, so only for reactions that are harmless to repeat (dropping a cache).
    /// Needs no database.
    /// </summary>
    public EventsBuilder AddNotification(string topic, Func<IServiceProvider, CloudEventReceiver> createReceiver)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(createReceiver);
        Services.AddSingleton(new EventSubscription(
            topic,
            provider => new SubscriptionReceiver(createReceiver(provider)),
            _ => Task.CompletedTask));
        return this;
    }

    private void AddRetention<TContext>()
        where TContext : DbContext =>
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EventTablesRetention<TContext>>());
}
