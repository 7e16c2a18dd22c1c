using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Safeguarding.Reporting.Returns;

/// <summary>
/// The datasets the measures service ships (services/Measures/Datasets/*.yaml, embedded here from the same files: see
/// ADR 0024 for why not from the events). Only what reporting needs is read; validation rules stay with measures.
/// </summary>
internal sealed class DatasetCatalogue(IReadOnlyList<DatasetDefinition> all)
{
    private const string ResourcePrefix = "Safeguarding.Reporting.Returns.Datasets.";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private static readonly Lazy<DatasetCatalogue> BuiltInCatalogue = new(LoadBuiltIn);

    public static DatasetCatalogue BuiltIn => BuiltInCatalogue.Value;

    public IReadOnlyList<DatasetDefinition> All { get; } = all;

    public DatasetDefinition? Find(string id) => All.FirstOrDefault(d => d.Id == id);

    /// <summary>Reads one dataset file; a file that does not describe a dataset stops the service at start-up.</summary>
    public static DatasetDefinition Parse(string yaml)
    {
        var document = Deserializer.Deserialize<DatasetDocument>(yaml)
            ?? throw new InvalidOperationException("A dataset file is empty.");
        var months = document.Frequency switch
        {
            "monthly" => 1,
            "quarterly" => 3,
            "annual" => 12,
            _ => throw new InvalidOperationException($"Dataset {document.Id}: frequency '{document.Frequency}' is not monthly, quarterly or annual."),
        };
        if (string.IsNullOrWhiteSpace(document.Id) || document.Measures is not { Count: > 0 } measures || document.DueDaysAfterPeriodEnd is < 0 or > 366)
        {
            throw new InvalidOperationException("A dataset file needs an id, measures and a due rule of 0 to 366 days.");
        }

        return new DatasetDefinition(document.Id, document.Title ?? document.Id, months, document.DueDaysAfterPeriodEnd, measures.ToHashSet(StringComparer.Ordinal));
    }

    private static DatasetCatalogue LoadBuiltIn()
    {
        var assembly = typeof(DatasetCatalogue).Assembly;
        var datasets = new List<DatasetDefinition>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            datasets.Add(Parse(reader.ReadToEnd()));
        }

        return new DatasetCatalogue(datasets);
    }

    private sealed class DatasetDocument
    {
        public string Id { get; set; } = "";

        public string? Title { get; set; }

        public string? Frequency { get; set; }

        public int DueDaysAfterPeriodEnd { get; set; }

        public List<string>? Measures { get; set; }
    }
}
