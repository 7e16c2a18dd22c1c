using Safeguarding.Measures.Domain;

namespace Safeguarding.Bench.MeasuresImport;

/// <summary>
/// Where imported observations go. The bench measures parse + map in memory with <see cref="CountingSink"/>.
/// HOOK for the lead: once Measures persistence exists, add a PostgreSQL sink here that batches
/// observations into <c>COPY observations (...) FROM STDIN (FORMAT BINARY)</c> with Npgsql's
/// BeginBinaryImport, and select it with <c>--sink postgres</c>; the timing loop does not change.
/// </summary>
internal interface IObservationSink : IAsyncDisposable
{
    ValueTask WriteAsync(IReadOnlyList<Observation> observations);

    long Written { get; }
}

internal sealed class CountingSink : IObservationSink
{
    public long Written { get; private set; }

    public ValueTask WriteAsync(IReadOnlyList<Observation> observations)
    {
        Written += observations.Count;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal static class ObservationSinks
{
    public static IObservationSink Create(string name) => name switch
    {
        "count" => new CountingSink(),
        "postgres" => throw new NotSupportedException("The PostgreSQL COPY sink needs the Measures persistence schema; it is the lead's hook in ObservationSinks.cs."),
        _ => throw new ArgumentException($"unknown sink '{name}' (count | postgres)"),
    };
}
