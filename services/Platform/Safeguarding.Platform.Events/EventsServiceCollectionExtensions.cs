using Dapr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Events.Dapr;
using Safeguarding.Platform.Events.InProcess;
using Safeguarding.Platform.Events.Inbox;
using Safeguarding.Platform.Events.RabbitMq;

namespace Safeguarding.Platform.Events;

/// <summary>Registers the events platform.</summary>
public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// Reads the <c>Events</c> section (<c>Transport</c> = InProcess|RabbitMq|Dapr, <c>ConsumerId</c>, ...)
    /// plus Dapr's own variables, read as the Dapr SDK reads them (<c>DAPR_GRPC_ENDPOINT</c>, <c>DAPR_GRPC_PORT</c>,
    /// <c>DAPR_API_TOKEN</c>, <c>APP_API_TOKEN</c>), and registers <see cref="IEventTransport"/> and <see cref="IEventOutbox"/>.
    /// Continue with <c>.AddOutbox&lt;TContext&gt;()</c> and <c>.AddSubscription&lt;...&gt;(topic)</c>.
    /// </summary>
    public static EventsBuilder AddPlatformEvents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new EventsOptions();
        configuration.GetSection(EventsOptions.SectionName).Bind(options);
        var dapr = options.Dapr;
        dapr.GrpcEndpoint ??= new Uri(DaprDefaults.GetDefaultGrpcEndpoint(configuration));
        dapr.ApiToken ??= NullIfEmpty(DaprDefaults.GetDefaultDaprApiToken(configuration));
        dapr.AppApiToken ??= NullIfEmpty(DaprDefaults.GetDefaultAppApiToken(configuration));
        return services.AddPlatformEvents(options);
    }

    /// <summary>As above, with options built by the caller (tests, the embedded runner).</summary>
    public static EventsBuilder AddPlatformEvents(this IServiceCollection services, EventsOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DaprSubscriptionRegistry>();
        // Every host in one process shares a broker unless a test registers its own first.
        services.TryAddSingleton(InProcessBroker.Shared);
        services.TryAddSingleton<IEventOutbox, EventOutbox>();
        services.TryAddSingleton(provider => CreateTransport(provider, options));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EventSubscriptionsHostedService>());
        return new EventsBuilder(services, options);
    }

    private static IEventTransport CreateTransport(IServiceProvider provider, EventsOptions options)
    {
        var loggers = provider.GetRequiredService<ILoggerFactory>();
        return options.Transport switch
        {
            EventTransportKind.InProcess => new InProcessTransport(
                provider.GetRequiredService<InProcessBroker>(), options.ConsumerId, options.DeliveryPolicy,
                options.ConsumerSettingsFor(options.InProcess.ConsumerConcurrency), loggers.CreateLogger<InProcessTransport>()),
            EventTransportKind.RabbitMq => new RabbitMqTransport(
                options.RabbitMq, options.ConsumerId, options.DeliveryPolicy,
                options.ConsumerSettingsFor(options.RabbitMq.ConsumerConcurrency), loggers.CreateLogger<RabbitMqTransport>()),
            EventTransportKind.Dapr => DaprTransport.Create(options.Dapr, provider.GetRequiredService<DaprSubscriptionRegistry>()),
            _ => throw new InvalidOperationException($"Unknown event transport {options.Transport}."),
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
