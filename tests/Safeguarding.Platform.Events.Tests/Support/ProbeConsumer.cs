using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Testing.Events.V1;

namespace Safeguarding.Platform.Events.Tests.Support;

/// <summary>Knobs and observations shared by a test and its consumers.</summary>
public sealed class ProbeConsumerBehaviour
{
    /// <summary>A probe id a test stores first, so a consumer adding it again breaks the primary key.</summary>
    public const string TakenProbeId = "taken";

    public ConcurrentDictionary<string, int> Attempts { get; } = new();

    /// <summary>Probe ids whose handling always throws (poison).</summary>
    public HashSet<string> AlwaysFail { get; } = [];

    /// <summary>Probe ids that fail this many times before succeeding.</summary>
    public ConcurrentDictionary<string, int> FailTimes { get; } = new();

    public HashSet<string> Permanent { get; } = [];

    public ConcurrentBag<ActivityContext> HandlingContexts { get; } = [];

    /// <summary>Probe ids whose first attempt writes a row that breaks the probes primary key (a database error at SaveChanges).</summary>
    public HashSet<string> ConflictOnce { get; } = [];

    /// <summary>When set, each probe records how many effects of its organisation it could see before its own.</summary>
    public bool RecordSeen { get; set; }

    public ConcurrentDictionary<string, int> SeenBefore { get; } = new();

    public TimeSpan Delay { get; set; }
}

/// <summary>Applies a probe event to the consumer's own table through the inbox transaction.</summary>
public sealed class ProbeConsumer(ProbeDbContext db, ProbeConsumerBehaviour behaviour) : IEventConsumer<ProbeRecorded>
{
    public async Task ConsumeAsync(ReceivedEvent<ProbeRecorded> received, CancellationToken cancellationToken)
    {
        var id = received.Message.ProbeId;
        var attempt = behaviour.Attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
        if (Activity.Current is { } activity)
        {
            behaviour.HandlingContexts.Add(activity.Context);
        }

        if (behaviour.Delay > TimeSpan.Zero)
        {
            await Task.Delay(behaviour.Delay, cancellationToken);
        }

        if (behaviour.Permanent.Contains(id))
        {
            throw new PermanentEventFailureException("probe marked permanent");
        }

        if (behaviour.AlwaysFail.Contains(id) || (behaviour.FailTimes.TryGetValue(id, out var times) && attempt <= times))
        {
            throw new InvalidOperationException("probe failure injected by the test");
        }

        if (behaviour.RecordSeen)
        {
            behaviour.SeenBefore[id] = await db.Effects.CountAsync(e => e.Organisation == received.Subject, cancellationToken);
        }

        if (behaviour.ConflictOnce.Contains(id) && attempt == 1)
        {
            db.Probes.Add(new Probe { Id = ProbeConsumerBehaviour.TakenProbeId, Organisation = "conflict" });
        }

        db.Effects.Add(new AppliedEffect { ProbeId = id, Organisation = received.Subject, Sequence = received.Message.Sequence });
    }
}
