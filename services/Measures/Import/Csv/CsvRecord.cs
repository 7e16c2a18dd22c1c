namespace Safeguarding.Measures.Import.Csv;

/// <summary>
/// One record of a CSV file. <see cref="LineNumber"/> is the physical line it starts on (the header
/// is line 1), which is what a person opening the file sees. <see cref="Error"/> is set when the
/// record breaks RFC 4180 (a stray quote, an unterminated quoted field); its fields are then suspect.
/// </summary>
public sealed record CsvRecord(long LineNumber, IReadOnlyList<string> Fields, string? Error = null);

public sealed record CsvReaderOptions
{
    public byte Delimiter { get; init; } = (byte)',';

    /// <summary>A field longer than this stops the read: it is almost always an unterminated quote swallowing the file.</summary>
    public int MaxFieldBytes { get; init; } = 1 << 20;

    public int MaxFieldsPerRecord { get; init; } = 10_000;
}
