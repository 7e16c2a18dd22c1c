using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import.Csv;

namespace Safeguarding.Measures.Import;

internal readonly record struct BoundFilter(int Column, string Value);

internal sealed record BoundLevel(LevelMapping Mapping, int CodeColumn, int NameColumn);

internal sealed record BoundBreakdown(BreakdownMapping Mapping, int Column);

internal sealed record BoundMeasure(MeasureMapping Mapping, MeasureVersion Version, int[] Numerator, int[] Denominator, int[] Value, int Published, BoundFilter[] Where);

/// <summary>A mapping resolved against one file's header and the measure catalog: column indexes and measure versions.</summary>
internal sealed record BoundMapping
{
    public required ImportMapping Mapping { get; init; }

    public required IReadOnlyList<string> Header { get; init; }

    public required int PeriodColumn { get; init; }

    public required int IdentifierColumn { get; init; }

    public required int LevelColumn { get; init; }

    public required IReadOnlyDictionary<string, BoundLevel> Levels { get; init; }

    public required IReadOnlySet<string> SkipLevels { get; init; }

    public required BoundFilter[] RowFilters { get; init; }

    public required BoundBreakdown[] Breakdowns { get; init; }

    public required BoundMeasure[] Measures { get; init; }
}

/// <summary>
/// How a file's header met a mapping: the mapping's columns the file has (in the mapping's order), those it lacks,
/// and the file's columns the mapping does not use (a header cell that looks like personal details is not echoed).
/// </summary>
public sealed record ColumnMatch(IReadOnlyList<string> Matched, IReadOnlyList<string> Missing, IReadOnlyList<string> Unused);

/// <summary>Checks a file's header against a mapping (every column present, once) and resolves the measures.</summary>
internal static class MappingBinder
{
    public static (BoundMapping? Bound, IReadOnlyList<ImportProblem> Problems) Bind(ImportMapping mapping, CsvRecord header, IMeasureCatalog catalog) =>
        Bind(mapping, header, catalog, out _);

    public static (BoundMapping? Bound, IReadOnlyList<ImportProblem> Problems) Bind(ImportMapping mapping, CsvRecord header, IMeasureCatalog catalog, out ColumnMatch? match)
    {
        match = null;
        var problems = new List<ImportProblem>();
        var line = header.LineNumber;
        if (header.Error is not null)
        {
            problems.Add(new ImportProblem(line, null, ProblemSeverity.Error, ImportProblemCodes.MalformedCsv, $"header: {header.Error}"));
            return (null, problems);
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var duplicates = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            if (!columns.TryAdd(header.Fields[i].Trim(), i))
            {
                duplicates.Add(header.Fields[i].Trim());
            }
        }

        var matched = new List<string>();
        var missing = new List<string>();
        var used = new HashSet<int>();
        void Note(List<string> list, string name)
        {
            if (!matched.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase) && !missing.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                list.Add(name.Trim());
            }
        }

        int Column(string? name, string field)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return -1;
            }

            if (columns.TryGetValue(name.Trim(), out var at))
            {
                used.Add(at);
                Note(matched, name);
            }
            else
            {
                Note(missing, name);
            }

            if (duplicates.Contains(name.Trim()))
            {
                problems.Add(new ImportProblem(line, name, ProblemSeverity.Error, ImportProblemCodes.DuplicateColumn, $"column '{name}' ({field}) appears more than once in the header"));
            }
            else if (!columns.TryGetValue(name.Trim(), out var index))
            {
                problems.Add(new ImportProblem(line, name, ProblemSeverity.Error, ImportProblemCodes.MissingColumn, $"column '{name}' ({field}) is not in the file"));
            }
            else
            {
                return index;
            }

            return -1;
        }

        BoundFilter[] Filters(IEnumerable<ColumnFilter> filters, string field) =>
            [.. filters.Select((f, i) => new BoundFilter(Column(f.Column, FieldPath.Index(field, i)), f.EqualsValue))];

        int[] Many(IEnumerable<string> names, string field) => [.. names.Select(n => Column(n, field))];

        var organisation = mapping.Organisation;
        var levels = organisation.Levels.Select((l, i) => new BoundLevel(l, Column(l.CodeColumn, FieldPath.Index("organisation.levels", i) + ".code_column"), l.NameColumn is null ? -1 : Column(l.NameColumn, FieldPath.Index("organisation.levels", i) + ".name_column")))
            .ToDictionary(l => l.Mapping.Level ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        var bound = new BoundMapping
        {
            Mapping = mapping,
            Header = header.Fields,
            PeriodColumn = Column(mapping.Period.Column, "period"),
            IdentifierColumn = Column(mapping.Period.IdentifierColumn, "period.time_identifier_column"),
            LevelColumn = Column(organisation.LevelColumn, "organisation.level_column"),
            Levels = levels,
            SkipLevels = organisation.SkipLevels.ToHashSet(StringComparer.OrdinalIgnoreCase),
            RowFilters = Filters(mapping.RowFilters, "row_filters"),
            Breakdowns = [.. mapping.Breakdowns.Select((b, i) => new BoundBreakdown(b, Column(b.Column, FieldPath.Index("breakdowns", i))))],
            Measures = [.. mapping.Measures.Select((m, i) => BindMeasure(m, FieldPath.Index("measures", i), catalog, Many, Column, Filters, problems, line)).OfType<BoundMeasure>()],
        };

        var unused = header.Fields.Select((f, i) => (Name: f.Trim(), Index: i))
            .Where(c => !used.Contains(c.Index) && c.Name.Length > 0)
            .Select(c => c.Name.Length <= 100 && Platform.Grpc.PersonalDetails.Find(c.Name) is null ? c.Name : $"(a column of {c.Name.Length} characters, not shown)")
            .ToList();
        // Matched columns in the file's order, as the analyst reads the header; missing ones in the mapping's.
        matched.Sort((a, b) => columns[a].CompareTo(columns[b]));
        match = new ColumnMatch(matched, missing, unused);
        return problems.Count == 0 ? (bound, problems) : (null, problems);
    }

    private static BoundMeasure? BindMeasure(
        MeasureMapping measure,
        string field,
        IMeasureCatalog catalog,
        Func<IEnumerable<string>, string, int[]> many,
        Func<string?, string, int> column,
        Func<IEnumerable<ColumnFilter>, string, BoundFilter[]> filters,
        List<ImportProblem> problems,
        long line)
    {
        var numerator = many(measure.Numerator, field + ".numerator");
        var denominator = many(measure.Denominator, field + ".denominator");
        var value = many(measure.Value, field + ".value");
        var published = column(measure.Published?.Column, field + ".published.column");
        var where = filters(measure.Where, field + ".where");
        var version = measure.Version is { } v ? catalog.Find(new MeasureVersionRef(measure.MeasureId, v)) : catalog.FindCurrent(measure.MeasureId);
        if (version is null)
        {
            problems.Add(new ImportProblem(line, null, ProblemSeverity.Error, ImportProblemCodes.UndefinedMeasure,
                $"{field}.measure_id: measure '{measure.MeasureId}'{(measure.Version is null ? string.Empty : $" version {measure.Version}")} is not defined"));
            return null;
        }

        if (version.Definition.Unit != measure.Unit)
        {
            problems.Add(new ImportProblem(line, null, ProblemSeverity.Error, ImportProblemCodes.UnitMismatch,
                $"{field}.unit: the mapping says {WireNames.ToWire(measure.Unit)} but {version.Ref} is {WireNames.ToWire(version.Definition.Unit)}"));
            return null;
        }

        return new BoundMeasure(measure, version, numerator, denominator, value, published, where);
    }
}
