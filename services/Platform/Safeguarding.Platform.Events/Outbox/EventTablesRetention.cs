using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Inbox;
using Safeguarding.Platform.Persistence.Outbox;

namespace Safeguarding.Platform.Events.Outbox;

/// <summary>Removes sent outbox rows and old inbox rows past their retention, hourly.</summary>
internal sealed class EventTablesRetention<TContext>(
    IServiceProvider services, IServiceScopeFactory scopes, EventsOptions options, TimeProvider time, ILogger<EventTablesRetention<TContext>> logger)
    : BackgroundService
    where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (services.GetService<PlatformDatabase<TContext>>() is { } database)
            {
                await database.Ready.WaitAsync(stoppingToken);
            }

            using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
            do
            {
                try
                {
                    await ApplyAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
                {
                    EventsLog.OutboxCycleFailed(logger, ex, typeof(TContext).Name, TimeSpan.FromHours(1));
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    internal async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var sentBefore = now - options.Outbox.SentRetention;
        var processedBefore = now - options.InboxRetention;
        var outbox = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt != null && m.SentAt < sentBefore)
            .ExecuteDeleteAsync(cancellationToken);
        var inbox = await db.Set<InboxMessage>()
            .Where(m => m.ProcessedAt < processedBefore)
            .ExecuteDeleteAsync(cancellationToken);
        if (outbox + inbox > 0)
        {
            EventsLog.RetentionApplied(logger, outbox, inbox, typeof(TContext).Name);
        }
    }
}
