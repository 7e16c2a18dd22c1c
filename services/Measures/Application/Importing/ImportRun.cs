using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Persistence.Bulk;

namespace Safeguarding.Measures.Application.Importing;

/// <summary>
/// One import run as its batches see it: ids, the event subject, the event sequence, recently planned keys, and the
/// measures it defines with its first stored batch.
/// </summary>
public sealed class ImportRun(string importId, string fileName, bool dryRun, string subject, DateTimeOffset startedAt)
{
    // Keys the last batches were planned to store: they may not be committed when the next batch looks up
    // the database (planning runs ahead of writing), so the planner remembers them.
    private readonly Queue<Dictionary<CurrentKey, CurrentFigure>> _recent = new();
    private readonly List<string> _defined = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<LockedRow> _lockedAtWrite = new();
    private UndefinedMeasures? _undefined;

    public string ImportId { get; } = importId;

    public string FileName { get; } = fileName;

    public bool DryRun { get; } = dryRun;

    /// <summary>The importing organisation: the subject (ordering key) of the import's events.</summary>
    public string Subject { get; } = subject;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>The number of the last ObservationBatchRecorded event written.</summary>
    public int EventSequence { get; set; }

    /// <summary>The measures this run defined: committed with its first batch (none before it commits).</summary>
    public IReadOnlyList<string> MeasuresDefined => _defined;

    /// <summary>Measures to define with the first batch that is planned (defined changes, as the rows were checked against).</summary>
    internal void DefineWithFirstBatch(IReadOnlyList<MeasureChange> changes, string owner) =>
        _undefined = changes.Count == 0 ? null : new UndefinedMeasures(changes, owner);

    /// <summary>The measures to define, once: the first batch planned takes them.</summary>
    internal UndefinedMeasures? TakeUndefined()
    {
        var undefined = _undefined;
        _undefined = null;
        return undefined;
    }

    /// <summary>A batch committed, with the measures it defined.</summary>
    internal void Defined(IReadOnlyList<string> measureIds) => _defined.AddRange(measureIds);

    /// <summary>Rows left out when their batch was written: their return was signed off after the import read the locks.</summary>
    public IReadOnlyCollection<LockedRow> LockedAtWrite => _lockedAtWrite;

    internal void RejectedAtWrite(LockedRow row) => _lockedAtWrite.Enqueue(row);

    internal CurrentFigure? Recent(CurrentKey key)
    {
        CurrentFigure? found = null;
        foreach (var batch in _recent)
        {
            found = batch.GetValueOrDefault(key) ?? found; // the latest batch wins
        }

        return found;
    }

    internal void Remember(Dictionary<CurrentKey, CurrentFigure> planned)
    {
        _recent.Enqueue(planned);
        if (_recent.Count > ImportBatchWriter.BatchesInFlight)
        {
            _recent.Dequeue();
        }
    }
}

/// <summary>Measures an import defines (their Defined changes) and the organisation they will belong to.</summary>
internal sealed record UndefinedMeasures(IReadOnlyList<MeasureChange> Changes, string Owner);

/// <summary>A file row whose figures fell in a signed-off return when its batch was written, the figures it carried and the return.</summary>
public sealed record LockedRow(long Line, IReadOnlyList<Observation> Observations, ReturnKey Return);
