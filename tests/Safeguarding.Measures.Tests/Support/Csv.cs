using System.Text;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;
using Safeguarding.Measures.Import.Csv;

namespace Safeguarding.Measures.Tests.Support;

internal static class Csv
{
    public static MemoryStream Stream(string text, bool bom = false) =>
        new([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);

    public static async Task<List<CsvRecord>> ReadAllAsync(Stream stream, CsvReaderOptions? options = null)
    {
        var records = new List<CsvRecord>();
        await foreach (var record in CsvReader.ReadAsync(stream, options))
        {
            records.Add(record);
        }

        return records;
    }

    public static Task<List<CsvRecord>> ReadAllAsync(string text, CsvReaderOptions? options = null) => ReadAllAsync(Stream(text), options);

    public static ImportContext Context(IMeasureCatalog catalog, IOrganisationResolver? organisations = null, string fileName = "upload.csv") => new()
    {
        FileName = fileName,
        ImportId = "import-1",
        UserId = "analyst-1",
        StartedAt = TestData.At,
        Catalog = catalog,
        Organisations = organisations ?? KnownOrganisations.AcceptAll,
    };

    /// <summary>A catalog holding every measure a mapping defines.</summary>
    public static InMemoryMeasureCatalog CatalogFor(params ImportMapping[] mappings)
    {
        var catalog = new InMemoryMeasureCatalog();
        foreach (var measure in mappings.SelectMany(m => m.Measures))
        {
            catalog.Save(measure.Definition!, TestData.ByAnalyst);
        }

        return catalog;
    }

    public static async Task<List<ImportRowResult>> ImportRowsAsync(string text, ImportMapping mapping, ImportContext context)
    {
        var rows = new List<ImportRowResult>();
        await foreach (var row in CsvImporter.ImportAsync(Stream(text), mapping, context))
        {
            rows.Add(row);
        }

        return rows;
    }
}
