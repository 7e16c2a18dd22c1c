using Safeguarding.Measures.Domain;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Safeguarding.Measures.Library;

/// <summary>
/// The built-in framework library (content areas, good statements, scrutiny questions, sources and
/// example measures), loaded from framework-library.v1.yaml embedded in this assembly and checked:
/// ids unique across the file, enums legal, every area in a known group.
/// </summary>
public sealed class FrameworkLibrary
{
    public const int SupportedVersion = 1;

    /// <summary>The framework's three groups, in its order.</summary>
    public static readonly IReadOnlyList<string> GroupIds = ["practice", "organisational", "wider_picture"];

    private const string ResourceName = "Safeguarding.Measures.Library.framework-library.v1.yaml";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly Lazy<FrameworkLibrary> BuiltIn = new(LoadBuiltInUncached);

    private FrameworkLibrary(int version, string title, string sourceDocument, IReadOnlyList<LibraryGroup> groups, IReadOnlyList<ContentArea> areas)
    {
        LibraryVersion = version;
        Title = title;
        SourceDocument = sourceDocument;
        Groups = groups;
        ContentAreas = areas;
    }

    public int LibraryVersion { get; }

    public string Title { get; }

    public string SourceDocument { get; }

    public IReadOnlyList<LibraryGroup> Groups { get; }

    public IReadOnlyList<ContentArea> ContentAreas { get; }

    /// <summary>The library shipped in the assembly (loaded once).</summary>
    public static FrameworkLibrary LoadBuiltIn() => BuiltIn.Value;

    public static FrameworkLibrary Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        using var reader = new StringReader(yaml);
        return Load(reader);
    }

    public static FrameworkLibrary Load(TextReader yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        LibraryDocument? document;
        try
        {
            document = Deserializer.Deserialize<LibraryDocument>(yaml);
        }
        catch (YamlException ex)
        {
            throw new DomainValidationException("yaml", $"line {ex.Start.Line}, column {ex.Start.Column}: {(ex.InnerException ?? ex).Message}");
        }

        return FrameworkLibraryReader.Build(document ?? throw new DomainValidationException("yaml", "the document is empty"));
    }

    public ContentArea? Area(string id) => ContentAreas.FirstOrDefault(a => a.Id == id);

    public (ContentArea Area, LibraryMeasure Measure)? FindMeasure(string id)
    {
        foreach (var area in ContentAreas)
        {
            foreach (var measure in area.Measures.Where(m => m.Id == id))
            {
                return (area, measure);
            }
        }

        return null;
    }

    /// <summary>
    /// A measure definition for adopting a library measure. The library gives no frequency (the
    /// organisation chooses) and no method, which follows from the source: case records are audited,
    /// people are surveyed, systems give management information.
    /// </summary>
    public MeasureDefinition ToDefinition(string measureId, Frequency frequency)
    {
        var (area, measure) = FindMeasure(measureId) ?? throw new DomainValidationException("measure_id", $"'{measureId}' is not in the library");
        return new MeasureDefinition
        {
            Id = measure.Id,
            Title = measure.Title,
            ContentAreaId = area.Id,
            Type = measure.Type,
            Source = measure.Source,
            Method = measure.Source switch
            {
                Source.CaseRecords => CollectionMethod.CaseAudit,
                Source.ChildrenParentsCarers or Source.FrontlineStaff => CollectionMethod.Survey,
                Source.OrganisationalSystems => CollectionMethod.ManagementInformation,
                _ => CollectionMethod.Other,
            },
            Unit = measure.Unit,
            NumeratorDefinition = measure.Unit == MeasureUnit.Count ? measure.Numerator ?? measure.Title : measure.Numerator,
            DenominatorDefinition = measure.Denominator,
            Polarity = measure.Polarity,
            Frequency = frequency,
            Sampling = measure.Sampled ? Sampling.Sample : Sampling.WholePopulation,
            FollowUp = measure.FollowUp,
        };
    }

    internal static FrameworkLibrary Create(int version, string title, string sourceDocument, IReadOnlyList<LibraryGroup> groups, IReadOnlyList<ContentArea> areas) =>
        new(version, title, sourceDocument, groups, areas);

    private static FrameworkLibrary LoadBuiltInUncached()
    {
        using var stream = typeof(FrameworkLibrary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The framework library is not embedded ({ResourceName}); is services/Measures/Library/framework-library.v1.yaml missing?");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }
}
