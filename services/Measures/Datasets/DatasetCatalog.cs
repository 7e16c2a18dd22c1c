using System.Reflection;
using Safeguarding.Measures.Domain;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Safeguarding.Measures.Datasets;

/// <summary>
/// The datasets this instance knows: the ones shipped in the assembly (Datasets/*.yaml, like the framework library).
/// Configured data, not records: a changed dataset ships as a new file version.
/// </summary>
public sealed class DatasetCatalog
{
    private const string ResourcePrefix = "Safeguarding.Measures.Datasets.";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly Lazy<DatasetCatalog> BuiltIn = new(LoadBuiltInCore);

    private readonly Dictionary<string, Dataset> _byId;

    public DatasetCatalog(IEnumerable<Dataset> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        _byId = datasets.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<Dataset> All => _byId.Values;

    public Dataset? Find(string? id) => id is null ? null : _byId.GetValueOrDefault(id);

    public static DatasetCatalog LoadBuiltIn() => BuiltIn.Value;

    /// <summary>Reads and checks one dataset document; problems name its YAML paths.</summary>
    public static Dataset Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        DatasetDocument? document;
        try
        {
            document = Deserializer.Deserialize<DatasetDocument>(yaml);
        }
        catch (YamlException ex)
        {
            throw new DomainValidationException("yaml", $"line {ex.Start.Line}, column {ex.Start.Column}: {(ex.InnerException ?? ex).Message}");
        }

        return Build(document ?? throw new DomainValidationException("yaml", "the document is empty"));
    }

    private static Dataset Build(DatasetDocument document)
    {
        var problems = new ValidationProblems();
        if (!Text.IsSlug(document.Id))
        {
            problems.Add("id", "is required (letters, digits, '.', '_' or '-')");
        }

        if (!Text.IsLabel(document.Title, 200))
        {
            problems.Add("title", "is required (single line, at most 200 characters)");
        }

        var frequency = WireNames.Parse<DatasetFrequency>(document.Frequency, "frequency", problems);
        if (document.DueDaysAfterPeriodEnd is < 0 or > 366)
        {
            problems.Add("due_days_after_period_end", "must be between 0 and 366");
        }

        var measures = document.Measures ?? [];
        if (measures.Count == 0)
        {
            problems.Add("measures", "must list at least one measure id");
        }

        for (var i = 0; i < measures.Count; i++)
        {
            if (!Text.IsSlug(measures[i]))
            {
                problems.Add(FieldPath.Index("measures", i), "must be a measure id");
            }
        }

        if (measures.Distinct(StringComparer.Ordinal).Count() != measures.Count)
        {
            problems.Add("measures", "lists a measure twice");
        }

        var rules = (document.Rules ?? []).Select((r, i) => Rule(r, FieldPath.Index("rules", i), measures, problems)).ToList();
        if (rules.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count() != rules.Count)
        {
            problems.Add("rules", "names a rule id twice");
        }

        problems.ThrowIfAny();
        return new Dataset(document.Id!, document.Title!, frequency!.Value, document.DueDaysAfterPeriodEnd, [.. measures]) { Rules = rules };
    }

    private static DatasetRule Rule(RuleDocument rule, string field, List<string> measures, ValidationProblems problems)
    {
        if (!Text.IsSlug(rule.Id))
        {
            problems.Add(field + ".id", "is required (lower-case letters, digits, '.', '_' or '-')");
        }

        var kind = WireNames.Parse<DatasetRuleKind>(rule.Kind, field + ".kind", problems);
        if (!Text.IsLabel(rule.Description, 500))
        {
            problems.Add(field + ".description", "is required (single line, at most 500 characters): what the rule checks, in words");
        }

        void Measure(string? id, string name)
        {
            if (id is null || !measures.Contains(id, StringComparer.Ordinal))
            {
                problems.Add(field + "." + name, "must be one of the dataset's measures");
            }
        }

        switch (kind)
        {
            case DatasetRuleKind.AtMost:
                Measure(rule.Left, "left");
                Measure(rule.Right, "right");
                break;
            case DatasetRuleKind.Range:
                Measure(rule.Measure, "measure");
                if (rule.Min is null && rule.Max is null || rule.Min > rule.Max)
                {
                    problems.Add(field + ".min", "min and max bound the range (at least one, min ≤ max)");
                }

                break;
            case DatasetRuleKind.BreakdownSum:
                Measure(rule.Measure, "measure");
                if (!Text.IsSlug(rule.Dimension))
                {
                    problems.Add(field + ".dimension", "is required: the breakdown dimension whose figures add up to the total");
                }

                break;
            case DatasetRuleKind.Outlier:
                if (rule.Measure is not null)
                {
                    Measure(rule.Measure, "measure"); // none: every measure of the dataset
                }

                if (rule.Threshold is { } k && k <= 0 || rule.History is { } n && n < DatasetRule.MinimumHistory)
                {
                    problems.Add(field + ".threshold", $"threshold must be positive and history at least {DatasetRule.MinimumHistory} periods");
                }

                break;
        }

        return new DatasetRule(
            rule.Id ?? string.Empty, kind ?? DatasetRuleKind.AtMost, rule.Blocking, rule.Description ?? string.Empty,
            rule.Measure, rule.Left, rule.Right, rule.Min, rule.Max, rule.Dimension,
            rule.Threshold ?? DatasetRule.DefaultThreshold, rule.History ?? DatasetRule.DefaultHistory);
    }

    private static DatasetCatalog LoadBuiltInCore()
    {
        var assembly = typeof(DatasetCatalog).Assembly;
        var datasets = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Parse(Read(assembly, n)));
        return new DatasetCatalog(datasets);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

// The YAML shape of a dataset file; filled by YamlDotNet, checked by DatasetCatalog.
#pragma warning disable CA1812, CA2227
internal sealed class DatasetDocument
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Frequency { get; set; }

    public int DueDaysAfterPeriodEnd { get; set; }

    public List<string>? Measures { get; set; }

    public List<RuleDocument>? Rules { get; set; }
}

internal sealed class RuleDocument
{
    public string? Id { get; set; }

    public string? Kind { get; set; }

    public bool Blocking { get; set; }

    public string? Description { get; set; }

    public string? Measure { get; set; }

    public string? Left { get; set; }

    public string? Right { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    public string? Dimension { get; set; }

    public decimal? Threshold { get; set; }

    public int? History { get; set; }
}
#pragma warning restore CA1812, CA2227
