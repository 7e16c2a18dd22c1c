using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace Safeguarding.Measures.Import.Csv;

/// <summary>
/// Streams CSV records from a stream or pipe: RFC 4180 quoting (embedded delimiters, quotes and line
/// ends), a UTF-8 byte order mark, CRLF or LF. Holds one buffer and one record at a time.
/// </summary>
public static class CsvReader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads records from a stream (left open).</summary>
    public static IAsyncEnumerable<CsvRecord> ReadAsync(Stream stream, CsvReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
        return ReadAsync(pipe, options, cancellationToken);
    }

    /// <summary>Reads records from a pipe, completing the reader when done.</summary>
    public static async IAsyncEnumerable<CsvRecord> ReadAsync(PipeReader reader, CsvReaderOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var parser = new CsvParser(options ?? new CsvReaderOptions());
        var ready = new List<CsvRecord>();
        var atStart = true;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                if (atStart)
                {
                    // Wait for three bytes (or the end) before deciding whether a BOM is there.
                    if (buffer.Length < Utf8Bom.Length && !result.IsCompleted)
                    {
                        reader.AdvanceTo(buffer.Start, buffer.End);
                        continue;
                    }

                    atStart = false;
                    if (StartsWithBom(buffer))
                    {
                        buffer = buffer.Slice(Utf8Bom.Length);
                    }
                }

                foreach (var segment in buffer)
                {
                    parser.Feed(segment.Span, ready);
                    if (parser.Stopped)
                    {
                        break;
                    }
                }

                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    parser.Finish(ready);
                }

                foreach (var record in ready)
                {
                    yield return record;
                }

                ready.Clear();
                if (result.IsCompleted || parser.Stopped)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private static bool StartsWithBom(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < Utf8Bom.Length)
        {
            return false;
        }

        Span<byte> first = stackalloc byte[3];
        buffer.Slice(0, 3).CopyTo(first);
        return first.SequenceEqual(Utf8Bom);
    }
}
