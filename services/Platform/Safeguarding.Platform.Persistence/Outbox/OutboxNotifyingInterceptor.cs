using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Safeguarding.Platform.Persistence.Outbox;

/// <summary>
/// Signals the dispatcher when SaveChanges stored outbox rows: at once without an explicit transaction,
/// otherwise when that transaction commits (before that the rows are invisible to the dispatcher).
/// </summary>
internal sealed class OutboxNotifyingInterceptor(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pendingUntilCommit = [];

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        OnSaved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        OnSaved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        OnCommitted(eventData.Context);

    public Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        OnCommitted(eventData.Context);
        return Task.CompletedTask;
    }

    private void OnSaved(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries<OutboxMessage>().Any())
        {
            return;
        }

        if (context.Database.CurrentTransaction is null)
        {
            signal.Notify(context.GetType());
        }
        else
        {
            _pendingUntilCommit.AddOrUpdate(context, context);
        }
    }

    private void OnCommitted(DbContext? context)
    {
        if (context is not null && _pendingUntilCommit.Remove(context))
        {
            signal.Notify(context.GetType());
        }
    }
}
