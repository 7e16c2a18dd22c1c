using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Persistence;
using Safeguarding.Bench.Events.V1;

namespace Safeguarding.Bench.Events;

/// <summary>A consumer database holding only the inbox: committing the inbox row is the consumer's change.</summary>
internal sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}

internal sealed class BenchConsumer : IEventConsumer<BenchTicked>
{
    public Task ConsumeAsync(ReceivedEvent<BenchTicked> received, CancellationToken cancellationToken) => Task.CompletedTask;
}
