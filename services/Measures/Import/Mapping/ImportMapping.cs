using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Import;

public enum MappingLayout
{
    /// <summary>Explore Education Statistics: time_period + time_identifier, geographic_level and per-level code columns.</summary>
    Ees,

    /// <summary>Any CSV: named period column in a declared format and one organisation code column.</summary>
    Generic,
}

/// <summary>
/// A declarative description of how a CSV file's columns become observations (loaded from YAML by
/// <see cref="MappingLoader"/>). Column names are matched ignoring case and surrounding spaces.
/// </summary>
public sealed record ImportMapping
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The publication or system the file comes from.</summary>
    public string? Source { get; init; }

    public required MappingLayout Layout { get; init; }

    /// <summary>Whether the column names were checked against a real file of the release.</summary>
    public required bool ColumnsVerified { get; init; }

    public string? VerificationNote { get; init; }

    public required PeriodMapping Period { get; init; }

    public required OrganisationMapping Organisation { get; init; }

    /// <summary>Rows not matching every filter are skipped (not errors), e.g. EES "category".</summary>
    public ValueList<ColumnFilter> RowFilters { get; init; } = [];

    public ValueList<BreakdownMapping> Breakdowns { get; init; } = [];

    public SpecialCodes SpecialCodes { get; init; } = SpecialCodes.Default;

    public required ValueList<MeasureMapping> Measures { get; init; }
}

/// <summary>EES: <see cref="Column"/> is time_period and <see cref="IdentifierColumn"/> time_identifier. Generic: one column in <see cref="Format"/>.</summary>
public sealed record PeriodMapping
{
    public required string Column { get; init; }

    public string? IdentifierColumn { get; init; }

    public PeriodFormat? Format { get; init; }

    /// <summary>Month a "Reporting year" (EES) or year_ending period (generic) ends in.</summary>
    public int? YearEndMonth { get; init; }
}

/// <summary>
/// Which column holds the organisation code. EES files mix levels (National, Regional, Local
/// authority); each imported level names its code column. Generic files have one level.
/// </summary>
public sealed record OrganisationMapping
{
    public string? LevelColumn { get; init; }

    public required ValueList<LevelMapping> Levels { get; init; }

    /// <summary>Levels present in the file that are deliberately not imported.</summary>
    public ValueList<string> SkipLevels { get; init; } = [];
}

public sealed record LevelMapping
{
    /// <summary>The geographic_level value; null for generic files.</summary>
    public string? Level { get; init; }

    public required string CodeColumn { get; init; }

    /// <summary>Names appear in reports of unknown or combined codes (organisation names, never people).</summary>
    public string? NameColumn { get; init; }

    /// <summary>Counts at this level are rounded by the publisher (EES regional and national: 10).</summary>
    public int? RoundedToNearest { get; init; }

    /// <summary>
    /// At this level a measure with a published column records the published figure, not one recomputed from
    /// the row's parts: the publisher computed it over a different base (DfE's regional and national rates
    /// leave out authorities whose figures are withheld or of low reliability, while the row's totals keep them).
    /// </summary>
    public bool UsePublishedFigures { get; init; }
}

public sealed record ColumnFilter(string Column, string EqualsValue);

public sealed record BreakdownMapping
{
    public required string Column { get; init; }

    public required string Dimension { get; init; }

    /// <summary>The value meaning "all" (EES "Total"): such rows are the organisation's total.</summary>
    public string? TotalValue { get; init; }
}

public sealed record MeasureMapping
{
    public required string MeasureId { get; init; }

    /// <summary>Pins a version; otherwise the measure's current version at import time.</summary>
    public int? Version { get; init; }

    public required MeasureUnit Unit { get; init; }

    /// <summary>Columns summed to give the numerator (percentages, ratios, rates).</summary>
    public ValueList<string> Numerator { get; init; } = [];

    public ValueList<string> Denominator { get; init; } = [];

    /// <summary>Columns summed to give a count, or a result column for a proportion given without its parts.</summary>
    public ValueList<string> Value { get; init; } = [];

    public PublishedCheck? Published { get; init; }

    /// <summary>Only rows matching these feed the measure (e.g. population_type in the CLA file).</summary>
    public ValueList<ColumnFilter> Where { get; init; } = [];

    /// <summary>The definition the mapping feeds, so a service can create the measure before importing.</summary>
    public MeasureDefinition? Definition { get; init; }

    /// <summary>
    /// A percentage whose numerator is not a subset of its denominator (conferences in the year over enquiries
    /// started in the year) may come out above 100: that row's figure is recorded as not applicable with a
    /// warning instead of rejecting the row.
    /// </summary>
    public bool NumeratorMayExceedDenominator { get; init; }

    public bool IsProportion => Numerator.Count > 0;
}

/// <summary>A published figure to compare the recomputed value with (half-up to <see cref="Decimals"/>).</summary>
public sealed record PublishedCheck
{
    public required string Column { get; init; }

    public int Decimals { get; init; } = 1;

    /// <summary>Allowed difference after rounding; above 0 only where the publisher rounded the inputs (FTEs).</summary>
    public decimal Tolerance { get; init; }

    /// <summary>Also check rows whose counts are rounded (off by default: rounding the inputs moves the result).</summary>
    public bool CheckRoundedRows { get; init; }

    /// <summary>
    /// When a part is withheld (a suppressed denominator) but the publisher printed the figure (0% over a
    /// suppressed count), record the printed figure. On by default: the publisher chose to publish it.
    /// </summary>
    public bool UseWhenWithheld { get; init; } = true;
}
