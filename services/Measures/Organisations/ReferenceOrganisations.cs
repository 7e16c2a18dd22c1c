using System.Globalization;
using Safeguarding.Measures.Import.Csv;

namespace Safeguarding.Measures.Organisations;

/// <summary>
/// The published geography of England that EES files use, shipped so a fresh instance can import any national,
/// regional or local authority file whole: England, the nine regions, Inner and Outer London, and every local
/// authority that has reported since 2013 under the region (or London sub-region) it reports under, with the
/// successions between them (mergers, splits, changed codes) and the day each began. The list is
/// <c>england-geography.csv</c>, written by <c>tools/reference-data/england_geography.py</c> from a DfE file.
/// </summary>
internal static class ReferenceOrganisations
{
    private const string Resource = "Safeguarding.Measures.Organisations.england-geography.csv";

    public static IReadOnlyList<OrganisationEntry> All { get; } = Load();

    private static List<OrganisationEntry> Load()
    {
        using var stream = typeof(ReferenceOrganisations).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The shipped geography ({Resource}) is missing from the assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var records = new List<CsvRecord>();
        var parser = new CsvParser(new CsvReaderOptions());
        parser.Feed(memory.ToArray(), records);
        parser.Finish(records);
        return [.. records.Skip(1).Select(Entry)];
    }

    // code,name,kind,parent,successor_of (space-separated),from
    private static OrganisationEntry Entry(CsvRecord record)
    {
        var f = record.Fields;
        return new OrganisationEntry
        {
            Code = f[0],
            Name = f[1],
            Kind = f[2],
            Parent = f[3].Length == 0 ? null : f[3],
            SuccessorOf = f[4].Split(' ', StringSplitOptions.RemoveEmptyEntries),
            From = f[5].Length == 0 ? null : DateOnly.ParseExact(f[5], "yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }
}
