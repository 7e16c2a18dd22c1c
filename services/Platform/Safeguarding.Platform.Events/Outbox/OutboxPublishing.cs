using System.Collections.Concurrent;
using System.Diagnostics;
using Safeguarding.Platform.Persistence.Outbox;

namespace Safeguarding.Platform.Events.Outbox;

/// <summary>What one dispatch cycle published and what failed.</summary>
internal sealed record PublishOutcome(IReadOnlyCollection<long> Sent, IReadOnlyCollection<(OutboxMessage Row, Exception Error)> Failed);

/// <summary>
/// How a dispatch cycle hands its rows (in id order) to the transport. Both ways skip a subject's rows from
/// the first one still waiting for its retry time, so one organisation's events do not overtake each other.
/// </summary>
internal static class OutboxPublishing
{
    /// <summary>
    /// Through a transport that accepts batches (RabbitMQ, in-process): every row is handed over in id order
    /// before any confirm is awaited, so all confirms are outstanding together.
    /// </summary>
    public static async Task<PublishOutcome> PipelinedAsync(
        IEventBatchPublisher publisher, IReadOnlyList<OutboxMessage> rows, DateTime now, CancellationToken cancellationToken)
    {
        var failed = new List<(OutboxMessage Row, Exception Error)>();
        var held = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<(OutboxMessage Row, CloudEvent Event)>(rows.Count);
        foreach (var row in rows)
        {
            if (held.Contains(row.Subject) || row.NextAttemptAt > now)
            {
                held.Add(row.Subject);
                continue;
            }

            try
            {
                batch.Add((row, ProtoCloudEvents.Decode(row.Envelope)));
            }
            catch (CloudEventFormatException ex)
            {
                failed.Add((row, ex));
                held.Add(row.Subject);
            }
        }

        var sent = new List<long>(batch.Count);
        if (batch.Count == 0)
        {
            return new PublishOutcome(sent, failed);
        }

        var spans = new Activity?[batch.Count];
        var previous = Activity.Current;
        for (var i = 0; i < batch.Count; i++)
        {
            spans[i] = EventsTelemetry.StartSend(batch[i].Row.Topic, batch[i].Event);
            Activity.Current = previous;
        }

        try
        {
            var errors = await publisher.PublishBatchAsync([.. batch.Select(b => new OutgoingEvent(b.Row.Topic, b.Event))], cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                if (errors[i] is { } error)
                {
                    spans[i]?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
                    failed.Add((batch[i].Row, error));
                }
                else
                {
                    sent.Add(batch[i].Row.Id);
                }
            }
        }
        finally
        {
            foreach (var span in spans)
            {
                span?.Dispose();
            }
        }

        return new PublishOutcome(sent, failed);
    }

    /// <summary>
    /// Through any transport: subjects in parallel, each subject's rows one after another, and a failure
    /// holds back that subject's later rows.
    /// </summary>
    public static async Task<PublishOutcome> BySubjectAsync(
        IEventTransport transport, IReadOnlyList<OutboxMessage> rows, DateTime now, int parallelism, CancellationToken cancellationToken)
    {
        var sent = new ConcurrentBag<long>();
        var failed = new ConcurrentBag<(OutboxMessage Row, Exception Error)>();
        await Parallel.ForEachAsync(
            rows.GroupBy(r => r.Subject, StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (subject, token) =>
            {
                foreach (var row in subject)
                {
                    // Waiting for its retry time: later rows of this subject wait behind it.
                    if (row.NextAttemptAt > now)
                    {
                        return;
                    }

                    Activity? activity = null;
                    try
                    {
                        var cloudEvent = ProtoCloudEvents.Decode(row.Envelope);
                        activity = EventsTelemetry.StartSend(row.Topic, cloudEvent);
                        await transport.PublishAsync(row.Topic, cloudEvent, token);
                        sent.Add(row.Id);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                        failed.Add((row, ex));
                        return;
                    }
                    finally
                    {
                        activity?.Dispose();
                    }
                }
            });
        return new PublishOutcome(sent, failed);
    }
}
