using Safeguarding.Measures.Domain;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Safeguarding.Measures.Import;

/// <summary>
/// Reads a mapping YAML file and checks it; problems name the YAML path ("measures[1].numerator"),
/// so whoever wrote the file can find the mistake.
/// </summary>
public static class MappingLoader
{
    public const int SupportedVersion = 1;

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static ImportMapping Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        using var reader = new StringReader(yaml);
        return Load(reader);
    }

    public static ImportMapping Load(TextReader yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        MappingDocument? document;
        try
        {
            document = Deserializer.Deserialize<MappingDocument>(yaml);
        }
        catch (YamlException ex)
        {
            throw new DomainValidationException("yaml", $"line {ex.Start.Line}, column {ex.Start.Column}: {(ex.InnerException ?? ex).Message}");
        }

        return Build(document ?? throw new DomainValidationException("yaml", "the document is empty"));
    }

    private static ImportMapping Build(MappingDocument document)
    {
        var problems = new ValidationProblems();
        if (document.MappingVersion != SupportedVersion)
        {
            problems.Add("mapping_version", $"must be {SupportedVersion}");
        }

        if (!Text.IsSlug(document.Id))
        {
            problems.Add("id", "must be a lower-case id (letters, digits, '_', '.', '-')");
        }

        Require(document.Title, "title", problems);
        var layout = WireNames.Parse<MappingLayout>(document.Layout, "layout", problems);
        if (document.ColumnsVerified is null)
        {
            problems.Add("columns_verified", "is required: say whether the column names were checked against a real file");
        }

        var period = layout is null ? null : BuildPeriod(document.Period, layout.Value, problems);
        var organisation = layout is null ? null : BuildOrganisation(document.Organisation, layout.Value, problems);
        var breakdowns = (document.Breakdowns ?? []).Select((b, i) => BuildBreakdown(b, FieldPath.Index("breakdowns", i), problems)).ToValueList();
        var specialCodes = BuildSpecialCodes(document.SpecialCodes, problems);
        if (document.Measures is not { Count: > 0 })
        {
            problems.Add("measures", "must list at least one measure");
        }

        var dimensions = breakdowns.Select(b => b.Dimension).ToValueList();
        var measures = (document.Measures ?? []).Select((m, i) => BuildMeasure(m, FieldPath.Index("measures", i), dimensions, problems)).ToValueList();
        foreach (var duplicate in measures.GroupBy(m => m.MeasureId).Where(g => g.Count() > 1))
        {
            problems.Add("measures", $"measure '{duplicate.Key}' is mapped more than once");
        }

        problems.ThrowIfAny();
        return new ImportMapping
        {
            Id = document.Id!,
            Title = document.Title!.Trim(),
            Source = document.Source?.Trim(),
            Layout = layout!.Value,
            ColumnsVerified = document.ColumnsVerified!.Value,
            VerificationNote = document.VerificationNote?.Trim(),
            Period = period!,
            Organisation = organisation!,
            RowFilters = BuildFilters(document.RowFilters, "row_filters", problems),
            Breakdowns = breakdowns,
            SpecialCodes = specialCodes,
            Measures = measures,
        };
    }

    private static PeriodMapping? BuildPeriod(PeriodDocument? period, MappingLayout layout, ValidationProblems problems)
    {
        if (period is null)
        {
            problems.Add("period", "is required");
            return null;
        }

        if (layout == MappingLayout.Ees)
        {
            Require(period.TimePeriodColumn, "period.time_period_column", problems);
            Require(period.TimeIdentifierColumn, "period.time_identifier_column", problems);
            CheckMonth(period.ReportingYearEndMonth, "period.reporting_year_end_month", problems);
            return new PeriodMapping { Column = period.TimePeriodColumn ?? string.Empty, IdentifierColumn = period.TimeIdentifierColumn, YearEndMonth = period.ReportingYearEndMonth };
        }

        Require(period.Column, "period.column", problems);
        var format = WireNames.Parse<PeriodFormat>(period.Format, "period.format", problems);
        CheckMonth(period.YearEndMonth, "period.year_end_month", problems);
        if (format == PeriodFormat.YearEnding && period.YearEndMonth is null)
        {
            problems.Add("period.year_end_month", "is required for the year_ending format");
        }

        return new PeriodMapping { Column = period.Column ?? string.Empty, Format = format, YearEndMonth = period.YearEndMonth };
    }

    private static OrganisationMapping? BuildOrganisation(OrganisationDocument? organisation, MappingLayout layout, ValidationProblems problems)
    {
        if (organisation is null)
        {
            problems.Add("organisation", "is required");
            return null;
        }

        if (layout == MappingLayout.Generic)
        {
            Require(organisation.CodeColumn, "organisation.code_column", problems);
            CheckRounding(organisation.RoundedToNearest, "organisation.rounded_to_nearest", problems);
            return new OrganisationMapping
            {
                Levels = [new LevelMapping { CodeColumn = organisation.CodeColumn ?? string.Empty, NameColumn = organisation.NameColumn, RoundedToNearest = organisation.RoundedToNearest }],
            };
        }

        Require(organisation.LevelColumn, "organisation.level_column", problems);
        if (organisation.Levels is not { Count: > 0 })
        {
            problems.Add("organisation.levels", "must list at least one geographic level to import");
        }

        var levels = (organisation.Levels ?? []).Select((level, i) =>
        {
            var field = FieldPath.Index("organisation.levels", i);
            Require(level.Level, field + ".level", problems);
            Require(level.CodeColumn, field + ".code_column", problems);
            CheckRounding(level.RoundedToNearest, field + ".rounded_to_nearest", problems);
            return new LevelMapping
            {
                Level = level.Level?.Trim(),
                CodeColumn = level.CodeColumn ?? string.Empty,
                NameColumn = level.NameColumn,
                RoundedToNearest = level.RoundedToNearest,
                UsePublishedFigures = level.UsePublishedFigures ?? false,
            };
        }).ToValueList();
        foreach (var duplicate in levels.GroupBy(l => l.Level, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add("organisation.levels", $"level '{duplicate.Key}' is listed more than once");
        }

        return new OrganisationMapping
        {
            LevelColumn = organisation.LevelColumn,
            Levels = levels,
            SkipLevels = (organisation.SkipLevels ?? []).Select(s => s.Trim()).ToValueList(),
        };
    }

    private static BreakdownMapping BuildBreakdown(BreakdownDocument breakdown, string field, ValidationProblems problems)
    {
        Require(breakdown.Column, field + ".column", problems);
        if (!Text.IsSlug(breakdown.Dimension))
        {
            problems.Add(field + ".dimension", "must be a dimension id (lower-case letters, digits, '_', '.', '-')");
        }

        return new BreakdownMapping { Column = breakdown.Column ?? string.Empty, Dimension = breakdown.Dimension ?? string.Empty, TotalValue = breakdown.TotalValue };
    }

    private static SpecialCodes BuildSpecialCodes(Dictionary<string, string>? extra, ValidationProblems problems)
    {
        if (extra is null || extra.Count == 0)
        {
            return SpecialCodes.Default;
        }

        var parsed = new List<KeyValuePair<string, ObservationState>>();
        foreach (var (code, stateName) in extra)
        {
            var state = WireNames.Parse<ObservationState>(stateName, $"special_codes.{code}", problems);
            if (state == ObservationState.Value)
            {
                problems.Add($"special_codes.{code}", "a special code stands for a state other than value");
            }
            else if (state is not null)
            {
                parsed.Add(new(code, state.Value));
            }
        }

        return SpecialCodes.Default.With(parsed);
    }

    private static MeasureMapping BuildMeasure(MeasureDocument measure, string field, ValueList<string> dimensions, ValidationProblems problems)
    {
        if (!Text.IsSlug(measure.MeasureId))
        {
            problems.Add(field + ".measure_id", "must be a measure id (lower-case letters, digits, '_', '.', '-')");
        }

        if (measure.Version is < 1)
        {
            problems.Add(field + ".version", "must be 1 or more when given");
        }

        var unit = WireNames.Parse<MeasureUnit>(measure.Unit, field + ".unit", problems);
        var numerator = Columns(measure.Numerator, field + ".numerator", problems);
        var denominator = Columns(measure.Denominator, field + ".denominator", problems);
        var value = Columns(measure.Value, field + ".value", problems);
        if (unit == MeasureUnit.Count && (value.Count == 0 || numerator.Count > 0 || denominator.Count > 0))
        {
            problems.Add(field + ".value", "a count takes value columns (and no numerator or denominator)");
        }
        else if (unit is not null and not MeasureUnit.Count && (numerator.Count > 0) != (denominator.Count > 0))
        {
            problems.Add(field + (numerator.Count > 0 ? ".denominator" : ".numerator"), "numerator and denominator go together");
        }
        else if (unit is not null and not MeasureUnit.Count && numerator.Count == 0 && value.Count == 0)
        {
            problems.Add(field + ".numerator", "give numerator and denominator columns (or a value column)");
        }
        else if (unit is not null and not MeasureUnit.Count && numerator.Count > 0 && value.Count > 0)
        {
            problems.Add(field + ".value", "give numerator and denominator, or value, not both");
        }

        PublishedCheck? published = null;
        if (measure.Published is { } p)
        {
            Require(p.Column, field + ".published.column", problems);
            if (p.Decimals is < 0 or > 6)
            {
                problems.Add(field + ".published.decimals", "must be between 0 and 6");
            }

            if (p.Tolerance is < 0)
            {
                problems.Add(field + ".published.tolerance", "must not be negative");
            }

            published = new PublishedCheck
            {
                Column = p.Column ?? string.Empty,
                Decimals = p.Decimals ?? 1,
                Tolerance = p.Tolerance ?? 0m,
                CheckRoundedRows = p.CheckRoundedRows ?? false,
                UseWhenWithheld = p.UseWhenWithheld ?? true,
            };
        }

        if (measure.NumeratorMayExceedDenominator == true && (unit != MeasureUnit.Percentage || numerator.Count == 0))
        {
            problems.Add(field + ".numerator_may_exceed_denominator", "applies only to a percentage with numerator and denominator columns");
        }

        MeasureDefinition? definition = null;
        if (measure.Definition is { } d && unit is not null && measure.MeasureId is not null)
        {
            definition = BuildDefinition(d, measure.MeasureId, unit.Value, dimensions, field + ".definition", problems);
        }

        return new MeasureMapping
        {
            MeasureId = measure.MeasureId ?? string.Empty,
            Version = measure.Version,
            Unit = unit ?? MeasureUnit.Count,
            Numerator = numerator,
            Denominator = denominator,
            Value = value,
            Published = published,
            Where = BuildFilters(measure.Where, field + ".where", problems),
            Definition = definition,
            NumeratorMayExceedDenominator = measure.NumeratorMayExceedDenominator ?? false,
        };
    }

    private static MeasureDefinition? BuildDefinition(DefinitionDocument d, string id, MeasureUnit unit, ValueList<string> dimensions, string field, ValidationProblems problems)
    {
        var local = new ValidationProblems();
        var type = WireNames.Parse<InformationType>(d.Type, field + ".type", local);
        var source = WireNames.Parse<Source>(d.Source, field + ".source", local);
        var method = WireNames.Parse<CollectionMethod>(d.Method, field + ".method", local);
        var polarity = WireNames.Parse<Polarity>(d.Polarity, field + ".polarity", local);
        var frequency = WireNames.Parse<Frequency>(d.Frequency, field + ".frequency", local);
        var sampling = d.Sampling is null ? Sampling.WholePopulation : WireNames.Parse<Sampling>(d.Sampling, field + ".sampling", local);
        var followUp = d.FollowUp is null ? FollowUp.None : WireNames.Parse<FollowUp>(d.FollowUp, field + ".follow_up", local);
        problems.AddNested(string.Empty, local.Items);
        if (local.Any)
        {
            return null;
        }

        var definition = new MeasureDefinition
        {
            Id = id,
            Title = d.Title?.Trim() ?? string.Empty,
            Description = d.Description?.Trim(),
            ContentAreaId = d.ContentArea ?? string.Empty,
            Type = type!.Value,
            Source = source!.Value,
            Method = method!.Value,
            Unit = unit,
            NumeratorDefinition = d.NumeratorDefinition?.Trim(),
            DenominatorDefinition = d.DenominatorDefinition?.Trim(),
            Polarity = polarity!.Value,
            Frequency = frequency!.Value,
            Sampling = sampling!.Value,
            FollowUp = followUp!.Value,
            Breakdowns = dimensions,
        };
        problems.AddNested(field, MeasureDefinitionRules.Validate(definition)
            .Select(p => p.Field == "content_area_id" ? p with { Field = "content_area" } : p)
            .Where(p => p.Field is not ("id" or "unit")));
        return definition;
    }

    private static ValueList<ColumnFilter> BuildFilters(List<FilterDocument>? filters, string field, ValidationProblems problems) =>
        (filters ?? []).Select((f, i) =>
        {
            Require(f.Column, FieldPath.Index(field, i) + ".column", problems);
            if (f.EqualsValue is null)
            {
                problems.Add(FieldPath.Index(field, i) + ".equals", "is required");
            }

            return new ColumnFilter(f.Column ?? string.Empty, f.EqualsValue?.Trim() ?? string.Empty);
        }).ToValueList();

    /// <summary>A column name, or a list of column names.</summary>
    private static ValueList<string> Columns(object? node, string field, ValidationProblems problems)
    {
        switch (node)
        {
            case null:
                return [];
            case string column when !string.IsNullOrWhiteSpace(column):
                return [column.Trim()];
            case IEnumerable<object> list:
                var columns = list.Select(c => c as string).ToList();
                if (columns.Count == 0 || columns.Any(string.IsNullOrWhiteSpace))
                {
                    problems.Add(field, "must be a column name or a non-empty list of column names");
                    return [];
                }

                return columns.Select(c => c!.Trim()).ToValueList();
            default:
                problems.Add(field, "must be a column name or a list of column names");
                return [];
        }
    }

    private static void Require(string? value, string field, ValidationProblems problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(field, "is required");
        }
    }

    private static void CheckMonth(int? month, string field, ValidationProblems problems)
    {
        if (month is < 1 or > 12)
        {
            problems.Add(field, "must be a month number, 1 to 12");
        }
    }

    private static void CheckRounding(int? multiple, string field, ValidationProblems problems)
    {
        if (multiple is < 1)
        {
            problems.Add(field, "must be 1 or more when given");
        }
    }
}
