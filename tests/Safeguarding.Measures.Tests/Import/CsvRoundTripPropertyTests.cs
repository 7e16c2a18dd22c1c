using System.IO.Pipelines;
using System.Text;
using Safeguarding.Measures.Import.Csv;

namespace Safeguarding.Measures.Tests.Import;

/// <summary>Property-style: random records with awkward characters survive write → read, whatever the buffer boundaries.</summary>
public sealed class CsvRoundTripPropertyTests
{
    private const string Alphabet = "ab,\"\r\n xé€1";

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(20250601)]
    public async Task Random_records_round_trip(int seed)
    {
        var random = new Random(seed);
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var width = random.Next(1, 6);
            var records = Enumerable.Range(0, random.Next(1, 20))
                .Select(_ => Enumerable.Range(0, width).Select(_ => RandomField(random)).ToArray())
                .Where(r => !(r.Length == 1 && r[0].Length == 0)) // a lone empty field is a blank line, skipped by design
                .ToList();
            var text = new StringBuilder();
            foreach (var record in records)
            {
                CsvWriter.AppendRecord(text, record);
            }

            var read = await ReadInChunksAsync(Encoding.UTF8.GetBytes(text.ToString()), random.Next(1, 17));

            Assert.Equal(records.Count, read.Count);
            for (var i = 0; i < records.Count; i++)
            {
                Assert.Null(read[i].Error);
                Assert.Equal(records[i], read[i].Fields);
            }
        }
    }

    private static string RandomField(Random random)
    {
        var length = random.Next(0, 8);
        return string.Concat(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]));
    }

    private static async Task<List<CsvRecord>> ReadInChunksAsync(byte[] bytes, int chunk)
    {
        var pipe = new Pipe();
        var writing = Task.Run(async () =>
        {
            for (var offset = 0; offset < bytes.Length; offset += chunk)
            {
                await pipe.Writer.WriteAsync(bytes.AsMemory(offset, Math.Min(chunk, bytes.Length - offset)));
            }

            await pipe.Writer.CompleteAsync();
        });
        var records = new List<CsvRecord>();
        await foreach (var record in CsvReader.ReadAsync(pipe.Reader))
        {
            records.Add(record);
        }

        await writing;
        return records;
    }
}
