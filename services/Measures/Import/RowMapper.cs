using Safeguarding.Measures.Computations;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import.Csv;

namespace Safeguarding.Measures.Import;

/// <summary>
/// Turns one data row into observations: all of them, or none with the errors why (a row is never
/// half-applied). Warnings (cross-check mismatches, replaced codes) never stop a row.
/// </summary>
internal sealed class RowMapper
{
    // Withheld states in order of precedence when a row's cells disagree: confidentiality first.
    private static readonly ObservationState[] Precedence =
    [
        ObservationState.Suppressed,
        ObservationState.NotAvailable,
        ObservationState.NotApplicable,
        ObservationState.LowReliability,
        ObservationState.RoundsToZero,
    ];

    private static readonly char[] CombinedSeparators = ['/', ',', ';', '&', '+'];

    // EES geographic levels: safe to quote back when a file uses one the mapping does not handle.
    private static readonly string[] EesGeographicLevels =
    [
        "National", "Regional", "Local authority", "Local authority district", "Parliamentary constituency", "Ward",
        "Local enterprise partnership", "English devolved area", "Mayoral combined authority", "Opportunity area",
        "Local skills improvement plan area", "Planning area", "RSC region", "MAT", "Sponsor", "School", "Provider", "Institution",
    ];

    // A file names few distinct periods; parsing each once saves building the same Period (and its code) per row.
    private const int MaxCachedPeriods = 10_000;

    private readonly BoundMapping _bound;
    private readonly ImportContext _context;
    private readonly Provenance _provenance;
    private readonly Dictionary<(string Period, string Identifier), Period> _periods = [];
    private readonly List<BoundMeasure> _measures = [];

    public RowMapper(BoundMapping bound, ImportContext context)
    {
        _bound = bound;
        _context = context;
        // Checked once per file: every row shares the file, import and user.
        _provenance = Provenance.Import(context.FileName, 1, context.ImportId, context.UserId);
    }

    public ImportRowResult Map(CsvRecord record)
    {
        var line = record.LineNumber;
        if (record.Error is not null)
        {
            return Rejected(line, Error(line, null, ImportProblemCodes.MalformedCsv, record.Error));
        }

        var fields = record.Fields;
        if (fields.Count != _bound.Header.Count)
        {
            return Rejected(line, Error(line, null, ImportProblemCodes.WrongFieldCount, $"the row has {fields.Count} fields; the header has {_bound.Header.Count}"));
        }

        var measures = _measures;
        measures.Clear();
        if (Matches(_bound.RowFilters, fields))
        {
            foreach (var measure in _bound.Measures)
            {
                if (Matches(measure.Where, fields))
                {
                    measures.Add(measure);
                }
            }
        }

        if (measures.Count == 0)
        {
            return Skipped(line);
        }

        BoundLevel? level;
        if (_bound.LevelColumn < 0)
        {
            level = _bound.Levels[string.Empty];
        }
        else
        {
            var levelText = fields[_bound.LevelColumn].Trim();
            if (_bound.SkipLevels.Contains(levelText))
            {
                return Skipped(line);
            }

            if (!_bound.Levels.TryGetValue(levelText, out level))
            {
                return Rejected(line, Error(line, _bound.Header[_bound.LevelColumn], ImportProblemCodes.UnknownGeographicLevel,
                    $"{SafeText.Quote(levelText, EesGeographicLevels)} is not a level this mapping imports ({string.Join(", ", _bound.Levels.Keys)}) or skips ({string.Join(", ", _bound.SkipLevels)})"));
            }
        }

        var problems = new List<ImportProblem>();
        var period = ReadPeriod(fields, line, problems);
        var code = ReadOrganisation(level, fields, period, line, problems);
        var breakdown = ReadBreakdown(fields, line, problems);
        if (HasErrors(problems))
        {
            return new ImportRowResult(line, RowOutcome.Rejected, [], problems, []);
        }

        var observations = new List<Observation>(measures.Count);
        var fingerprints = new List<byte[]>(measures.Count);
        var checks = new List<CrossCheck>();
        var provenance = _provenance.AtRow(line);
        foreach (var measure in measures)
        {
            var value = ReadValue(measure, level, fields, line, problems, out var published);
            if (value is null)
            {
                continue;
            }

            var fingerprint = new byte[ObservationFingerprint.Size];
            ObservationFingerprint.Hash(new ObservationKey(code!, measure.Version.Ref, period!, breakdown!), value, level.Mapping.RoundedToNearest, fingerprint);
            var observation = new Observation
            {
                Id = ObservationFingerprint.IdFromFingerprint(fingerprint),
                OrganisationCode = code!,
                Measure = measure.Version.Ref,
                Period = period!,
                Breakdown = breakdown!,
                Value = value,
                RoundedToNearest = level.Mapping.RoundedToNearest,
                Provenance = provenance,
                RecordedAt = _context.StartedAt,
            };
            foreach (var invalid in ObservationRules.Validate(observation, measure.Version))
            {
                problems.Add(Error(line, null, ImportProblemCodes.InvalidValue, $"{measure.Mapping.MeasureId}: {invalid}"));
            }

            observations.Add(observation);
            fingerprints.Add(fingerprint);
            if (published)
            {
                checks.Add(new CrossCheck(line, measure.Mapping.MeasureId, observation.OrganisationCode, observation.Period, CrossCheckStatus.NotChecked, null, "the published figure was recorded"));
            }
            else if (measure.Published >= 0)
            {
                checks.Add(CrossCheckRow(measure, observation, level, fields, line, problems));
            }
        }

        return HasErrors(problems)
            ? new ImportRowResult(line, RowOutcome.Rejected, [], problems, [])
            : new ImportRowResult(line, RowOutcome.Imported, observations, problems, checks) { Fingerprints = fingerprints };
    }

    private Period? ReadPeriod(IReadOnlyList<string> fields, long line, List<ImportProblem> problems)
    {
        var text = fields[_bound.PeriodColumn];
        var identifier = _bound.IdentifierColumn >= 0 ? fields[_bound.IdentifierColumn] : string.Empty;
        if (_periods.TryGetValue((text, identifier), out var cached))
        {
            return cached;
        }

        var mapping = _bound.Mapping.Period;
        var ok = _bound.IdentifierColumn >= 0
            ? EesTimePeriod.TryParse(text, identifier, mapping.YearEndMonth, out var period, out var error)
            : PeriodParser.TryParse(text, mapping.Format ?? PeriodFormat.PeriodCode, mapping.YearEndMonth, out period, out error);
        if (!ok)
        {
            problems.Add(Error(line, _bound.Header[_bound.PeriodColumn], ImportProblemCodes.InvalidPeriod, error!));
        }
        else if (_periods.Count < MaxCachedPeriods)
        {
            _periods[(text, identifier)] = period!;
        }

        return period;
    }

    private string? ReadOrganisation(BoundLevel level, IReadOnlyList<string> fields, Period? period, long line, List<ImportProblem> problems)
    {
        var column = _bound.Header[level.CodeColumn];
        var code = fields[level.CodeColumn].Trim();
        var organisationName = level.NameColumn >= 0 ? fields[level.NameColumn].Trim() : string.Empty;

        // Organisation names come from the mapping's declared name column: names of councils, not people.
        // Built only when a problem is reported: this runs for every row.
        string Name() => organisationName.Length > 0 ? $" ({organisationName})" : string.Empty;

        if (code.Length == 0)
        {
            problems.Add(Error(line, column, ImportProblemCodes.MissingCode, $"no organisation code{Name()}") with { Value = string.Empty });
            return null;
        }

        if (code.IndexOfAny(CombinedSeparators) >= 0)
        {
            problems.Add(Error(line, column, ImportProblemCodes.CombinedOrganisation,
                $"{SafeText.Quote(code)}{Name()} combines several organisations; its figures cannot be attributed to one") with { Value = SafeText.IsSafe(code) ? code : null });
            return null;
        }

        if (!Text.IsOrganisationCode(code))
        {
            problems.Add(Error(line, column, ImportProblemCodes.InvalidCode, $"{SafeText.Quote(code)}{Name()} is not an organisation code"));
            return null;
        }

        if (organisationName.Contains(" / ", StringComparison.Ordinal))
        {
            // A single code under a combined name ("A / B") still covers several organisations.
            problems.Add(Error(line, column, ImportProblemCodes.CombinedOrganisation,
                $"{SafeText.Quote(code)} appears with the combined name '{organisationName}'; its figures cannot be attributed to one organisation") with { Value = code });
            return null;
        }

        if (period is null)
        {
            return code;
        }

        var resolution = _context.Organisations.Resolve(code, period);
        if (resolution.Status == OrganisationStatus.Unknown)
        {
            problems.Add(Error(line, column, ImportProblemCodes.UnknownOrganisation, $"{SafeText.Quote(code)}{Name()} is not in the organisation registry") with { Value = code });
            return null;
        }

        if (resolution.Status == OrganisationStatus.Replaced)
        {
            problems.Add(new ImportProblem(line, column, ProblemSeverity.Warning, ImportProblemCodes.ReplacedOrganisation,
                $"{SafeText.Quote(code)}{Name()} was {resolution.Note ?? "replaced"}, before {period.Label}; recorded under the code in the file", code));
        }

        return code;
    }

    private Breakdown? ReadBreakdown(IReadOnlyList<string> fields, long line, List<ImportProblem> problems)
    {
        if (_bound.Breakdowns.Length == 0)
        {
            return Breakdown.Total;
        }

        var items = new List<(string, string)>();
        foreach (var breakdown in _bound.Breakdowns)
        {
            var value = fields[breakdown.Column].Trim();
            if (breakdown.Mapping.TotalValue is { } total && string.Equals(value, total.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (value.Length == 0)
            {
                problems.Add(Error(line, _bound.Header[breakdown.Column], ImportProblemCodes.MissingBreakdown, $"no {breakdown.Mapping.Dimension} given"));
                return null;
            }

            items.Add((breakdown.Mapping.Dimension, value));
        }

        try
        {
            return Breakdown.Of(items);
        }
        catch (DomainValidationException ex)
        {
            problems.Add(Error(line, null, ImportProblemCodes.InvalidValue, ex.Message));
            return null;
        }
    }

    /// <summary>
    /// The value for one measure, or null (with errors added) when the cells are unusable. <paramref name="published"/>
    /// says the figure is the publisher's printed one (the level asks for it, or the parts are withheld but the figure was printed).
    /// </summary>
    private ObservationValue? ReadValue(BoundMeasure measure, BoundLevel level, IReadOnlyList<string> fields, long line, List<ImportProblem> problems, out bool published)
    {
        published = false;
        if (level.Mapping.UsePublishedFigures && measure.Published >= 0 && measure.Mapping.IsProportion)
        {
            published = true;
            return ReadPublished(measure, fields, line, problems);
        }

        // One pass over the measure's cells (numerator, denominator, value columns, in that order), summing
        // numbers and collecting withheld codes; nothing is allocated for a row of plain numbers.
        var codes = _bound.Mapping.SpecialCodes;
        List<Cell>? withheld = null;
        var errors = false;
        var top = Accumulate(measure.Numerator, fields, codes, line, problems, ref withheld, ref errors);
        var bottom = Accumulate(measure.Denominator, fields, codes, line, problems, ref withheld, ref errors);
        var total = Accumulate(measure.Value, fields, codes, line, problems, ref withheld, ref errors);
        if (errors)
        {
            return null;
        }

        if (withheld is not null)
        {
            if (measure.Published >= 0 && measure.Mapping.Published!.UseWhenWithheld && measure.Mapping.IsProportion
                && Cell.Read(_bound.Header[measure.Published], fields[measure.Published], codes) is { Number: >= 0 and var printed })
            {
                // The publisher withheld a part (a small denominator) yet printed the figure (0% of it): the figure is public.
                published = true;
                return ObservationValue.Measured(printed);
            }

            var state = Precedence.First(s => withheld.Exists(c => c.State == s));
            return ObservationValue.Withheld(state, string.Join("; ", withheld.Select(c => $"{c.Text} in {c.Column}")));
        }

        var unit = measure.Mapping.Unit;
        if (!measure.Mapping.IsProportion)
        {
            return unit == MeasureUnit.Count ? ObservationValue.Count(total) : ObservationValue.Measured(total);
        }

        if (bottom == 0)
        {
            problems.Add(new ImportProblem(line, _bound.Header[measure.Denominator[0]], ProblemSeverity.Warning, ImportProblemCodes.ZeroDenominator,
                $"{measure.Mapping.MeasureId}: the denominator is zero; recorded as not applicable"));
            return ObservationValue.Withheld(ObservationState.NotApplicable, $"denominator is zero in {string.Join(" + ", measure.Denominator.Select(c => _bound.Header[c]))}");
        }

        if (unit == MeasureUnit.Percentage && top > bottom && measure.Mapping.NumeratorMayExceedDenominator)
        {
            problems.Add(new ImportProblem(line, _bound.Header[measure.Numerator[0]], ProblemSeverity.Warning, ImportProblemCodes.NumeratorExceedsDenominator,
                $"{measure.Mapping.MeasureId}: numerator {top} exceeds denominator {bottom}; recorded as not applicable"));
            return ObservationValue.Withheld(ObservationState.NotApplicable, $"numerator {top} exceeds denominator {bottom}");
        }

        if (unit == MeasureUnit.Percentage && top > bottom)
        {
            problems.Add(Error(line, _bound.Header[measure.Numerator[0]], ImportProblemCodes.NumeratorExceedsDenominator,
                $"{measure.Mapping.MeasureId}: numerator {top} exceeds denominator {bottom} for a percentage"));
            return null;
        }

        return ObservationValue.Proportion(top, bottom);
    }

    /// <summary>The published cell as the measure's figure: a number, or the state its code stands for.</summary>
    private ObservationValue? ReadPublished(BoundMeasure measure, IReadOnlyList<string> fields, long line, List<ImportProblem> problems)
    {
        var cell = Cell.Read(_bound.Header[measure.Published], fields[measure.Published], _bound.Mapping.SpecialCodes);
        if (cell.IsInvalid)
        {
            problems.Add(Error(line, cell.Column, ImportProblemCodes.NonNumeric,
                $"{SafeText.Quote(cell.Text)} is not a number or a known code ({string.Join(", ", _bound.Mapping.SpecialCodes.Codes)}, blank)"));
            return null;
        }

        if (cell.Number < 0)
        {
            problems.Add(Error(line, cell.Column, ImportProblemCodes.Negative, $"{cell.Text} is negative"));
            return null;
        }

        return cell.State is { } state ? ObservationValue.Withheld(state, $"{cell.Text} in {cell.Column}") : ObservationValue.Measured(cell.Number!.Value);
    }

    private decimal Accumulate(int[] columns, IReadOnlyList<string> fields, SpecialCodes codes, long line, List<ImportProblem> problems, ref List<Cell>? withheld, ref bool errors)
    {
        var sum = 0m;
        foreach (var column in columns)
        {
            var cell = Cell.Read(_bound.Header[column], fields[column], codes);
            if (cell.IsInvalid)
            {
                problems.Add(Error(line, cell.Column, ImportProblemCodes.NonNumeric,
                    $"{SafeText.Quote(cell.Text)} is not a number or a known code ({string.Join(", ", codes.Codes)}, blank)"));
                errors = true;
            }
            else if (cell.Number < 0)
            {
                problems.Add(Error(line, cell.Column, ImportProblemCodes.Negative, $"{cell.Text} is negative"));
                errors = true;
            }
            else if (cell.State is not null)
            {
                (withheld ??= []).Add(cell);
            }
            else
            {
                sum += cell.Number!.Value;
            }
        }

        return sum;
    }

    private CrossCheck CrossCheckRow(BoundMeasure measure, Observation observation, BoundLevel level, IReadOnlyList<string> fields, long line, List<ImportProblem> problems)
    {
        var check = measure.Mapping.Published!;
        var column = _bound.Header[measure.Published];
        var published = Cell.Read(column, fields[measure.Published], _bound.Mapping.SpecialCodes);
        var recomputed = MeasureArithmetic.Compute(measure.Mapping.Unit, observation.Value);
        CrossCheck Result(CrossCheckStatus status, PublishedComparison? comparison = null, string? note = null) =>
            new(line, measure.Mapping.MeasureId, observation.OrganisationCode, observation.Period, status, comparison, note);

        if (published.IsInvalid)
        {
            problems.Add(Warning(line, column, ImportProblemCodes.PublishedInconsistent, $"the published figure {SafeText.Quote(published.Text)} is not a number or a known code"));
            return Result(CrossCheckStatus.NotChecked, note: "published figure unreadable");
        }

        if (published.Number is null || recomputed is null)
        {
            if ((published.Number is null) != (recomputed is null))
            {
                problems.Add(Warning(line, column, ImportProblemCodes.PublishedInconsistent, recomputed is null
                    ? $"{measure.Mapping.MeasureId}: published {published.Text} but the figures are {observation.Value}"
                    : $"{measure.Mapping.MeasureId}: the figures are present but the published figure is {published.Text}"));
            }

            return Result(CrossCheckStatus.NotChecked, note: "no figure on one side");
        }

        if (level.Mapping.RoundedToNearest is { } multiple && !check.CheckRoundedRows)
        {
            return Result(CrossCheckStatus.NotChecked, note: $"counts rounded to the nearest {multiple}");
        }

        var comparison = PublishedFigure.Compare(recomputed.Value, published.Number.Value, check.Decimals, check.Tolerance);
        if (comparison.Matches)
        {
            return Result(CrossCheckStatus.Matched, comparison);
        }

        problems.Add(Warning(line, column, ImportProblemCodes.PublishedMismatch,
            $"{measure.Mapping.MeasureId}: recomputed {recomputed.Value:0.####} rounds to {comparison.RecomputedRounded}; published {published.Text}"));
        return Result(CrossCheckStatus.Mismatched, comparison);
    }

    private static bool Matches(BoundFilter[] filters, IReadOnlyList<string> fields)
    {
        foreach (var filter in filters)
        {
            if (!string.Equals(fields[filter.Column].Trim(), filter.Value, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasErrors(List<ImportProblem> problems)
    {
        foreach (var problem in problems)
        {
            if (problem.Severity == ProblemSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }

    private static ImportProblem Error(long line, string? column, string code, string description) =>
        new(line, column, ProblemSeverity.Error, code, description);

    private static ImportProblem Warning(long line, string? column, string code, string description) =>
        new(line, column, ProblemSeverity.Warning, code, description);

    private static ImportRowResult Rejected(long line, ImportProblem problem) => new(line, RowOutcome.Rejected, [], [problem], []);

    private static ImportRowResult Skipped(long line) => new(line, RowOutcome.Skipped, [], [], []);
}
