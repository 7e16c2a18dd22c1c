using YamlDotNet.Serialization;

namespace Safeguarding.Measures.Import;

// The YAML shape of a mapping file (snake_case keys). Plain settable classes because YamlDotNet
// fills them; MappingLoader checks them and builds the immutable ImportMapping.
#pragma warning disable CA1812, CA2227 // Instantiated and filled by the YAML deserializer.

internal sealed class MappingDocument
{
    public int MappingVersion { get; set; }

    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Source { get; set; }

    public string? Layout { get; set; }

    public bool? ColumnsVerified { get; set; }

    public string? VerificationNote { get; set; }

    public PeriodDocument? Period { get; set; }

    public OrganisationDocument? Organisation { get; set; }

    public List<FilterDocument>? RowFilters { get; set; }

    public List<BreakdownDocument>? Breakdowns { get; set; }

    public Dictionary<string, string>? SpecialCodes { get; set; }

    public List<MeasureDocument>? Measures { get; set; }
}

internal sealed class PeriodDocument
{
    public string? TimePeriodColumn { get; set; }

    public string? TimeIdentifierColumn { get; set; }

    public int? ReportingYearEndMonth { get; set; }

    public string? Column { get; set; }

    public string? Format { get; set; }

    public int? YearEndMonth { get; set; }
}

internal sealed class OrganisationDocument
{
    public string? LevelColumn { get; set; }

    public List<LevelDocument>? Levels { get; set; }

    public List<string>? SkipLevels { get; set; }

    public string? CodeColumn { get; set; }

    public string? NameColumn { get; set; }

    public int? RoundedToNearest { get; set; }
}

internal sealed class LevelDocument
{
    public string? Level { get; set; }

    public string? CodeColumn { get; set; }

    public string? NameColumn { get; set; }

    public int? RoundedToNearest { get; set; }

    public bool? UsePublishedFigures { get; set; }
}

internal sealed class FilterDocument
{
    public string? Column { get; set; }

    [YamlMember(Alias = "equals")]
    public string? EqualsValue { get; set; }
}

internal sealed class BreakdownDocument
{
    public string? Column { get; set; }

    public string? Dimension { get; set; }

    public string? TotalValue { get; set; }
}

internal sealed class MeasureDocument
{
    public string? MeasureId { get; set; }

    public int? Version { get; set; }

    public string? Unit { get; set; }

    /// <summary>A column name or a list of columns to sum.</summary>
    public object? Numerator { get; set; }

    public object? Denominator { get; set; }

    public object? Value { get; set; }

    public PublishedDocument? Published { get; set; }

    public List<FilterDocument>? Where { get; set; }

    public DefinitionDocument? Definition { get; set; }

    public bool? NumeratorMayExceedDenominator { get; set; }
}

internal sealed class PublishedDocument
{
    public string? Column { get; set; }

    public int? Decimals { get; set; }

    public decimal? Tolerance { get; set; }

    public bool? CheckRoundedRows { get; set; }

    public bool? UseWhenWithheld { get; set; }
}

internal sealed class DefinitionDocument
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? ContentArea { get; set; }

    public string? Type { get; set; }

    public string? Source { get; set; }

    public string? Method { get; set; }

    public string? NumeratorDefinition { get; set; }

    public string? DenominatorDefinition { get; set; }

    public string? Polarity { get; set; }

    public string? Frequency { get; set; }

    public string? Sampling { get; set; }

    public string? FollowUp { get; set; }
}

#pragma warning restore CA1812, CA2227
