using Safeguarding.Measures.Computations;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import.Csv;

namespace Safeguarding.Measures.Import;

/// <summary>
/// Turns one data row into observations: all of them, or none with the errors why (a row is never
/// half-applied). Warnings (cross-check mismatches, replaced codes) never stop a row.
/// </summary>
internal sealed class RowMapper(BoundMapping bound, ImportContext context)
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

    public ImportRowResult Map(CsvRecord record)
    {
        var line = record.LineNumber;
        if (record.Error is not null)
        {
            return Rejected(line, Error(line, null, ImportProblemCodes.MalformedCsv, record.Error));
        }

        var fields = record.Fields;
        if (fields.Count != bound.Header.Count)
        {
            return Rejected(line, Error(line, null, ImportProblemCodes.WrongFieldCount, $"the row has {fields.Count} fields; the header has {bound.Header.Count}"));
        }

        var measures = Matches(bound.RowFilters, fields) ? bound.Measures.Where(m => Matches(m.Where, fields)).ToList() : [];
        if (measures.Count == 0)
        {
            return Skipped(line);
        }

        BoundLevel? level;
        if (bound.LevelColumn < 0)
        {
            level = bound.Levels[string.Empty];
        }
        else
        {
            var levelText = fields[bound.LevelColumn].Trim();
            if (bound.SkipLevels.Contains(levelText))
            {
                return Skipped(line);
            }

            if (!bound.Levels.TryGetValue(levelText, out level))
            {
                return Rejected(line, Error(line, bound.Header[bound.LevelColumn], ImportProblemCodes.UnknownGeographicLevel,
                    $"{SafeText.Quote(levelText, EesGeographicLevels)} is not a level this mapping imports ({string.Join(", ", bound.Levels.Keys)}) or skips ({string.Join(", ", bound.SkipLevels)})"));
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
        var checks = new List<CrossCheck>();
        var provenance = Provenance.Import(context.FileName, line, context.ImportId, context.UserId);
        foreach (var measure in measures)
        {
            var value = ReadValue(measure, fields, line, problems);
            if (value is null)
            {
                continue;
            }

            var observation = new Observation
            {
                Id = Guid.Empty,
                OrganisationCode = code!,
                Measure = measure.Version.Ref,
                Period = period!,
                Breakdown = breakdown!,
                Value = value,
                RoundedToNearest = level.Mapping.RoundedToNearest,
                Provenance = provenance,
                RecordedAt = context.StartedAt,
            };
            observation = observation with { Id = ObservationFingerprint.DeterministicId(observation.Fingerprint) };
            foreach (var invalid in ObservationRules.Validate(observation, measure.Version))
            {
                problems.Add(Error(line, null, ImportProblemCodes.InvalidValue, $"{measure.Mapping.MeasureId}: {invalid}"));
            }

            observations.Add(observation);
            if (measure.Published >= 0)
            {
                checks.Add(CrossCheckRow(measure, observation, level, fields, line, problems));
            }
        }

        return HasErrors(problems)
            ? new ImportRowResult(line, RowOutcome.Rejected, [], problems, [])
            : new ImportRowResult(line, RowOutcome.Imported, observations, problems, checks);
    }

    private Period? ReadPeriod(IReadOnlyList<string> fields, long line, List<ImportProblem> problems)
    {
        var mapping = bound.Mapping.Period;
        var text = fields[bound.PeriodColumn];
        var ok = bound.IdentifierColumn >= 0
            ? EesTimePeriod.TryParse(text, fields[bound.IdentifierColumn], mapping.YearEndMonth, out var period, out var error)
            : PeriodParser.TryParse(text, mapping.Format ?? PeriodFormat.PeriodCode, mapping.YearEndMonth, out period, out error);
        if (!ok)
        {
            problems.Add(Error(line, bound.Header[bound.PeriodColumn], ImportProblemCodes.InvalidPeriod, error!));
        }

        return period;
    }

    private string? ReadOrganisation(BoundLevel level, IReadOnlyList<string> fields, Period? period, long line, List<ImportProblem> problems)
    {
        var column = bound.Header[level.CodeColumn];
        var code = fields[level.CodeColumn].Trim();
        var organisationName = level.NameColumn >= 0 ? fields[level.NameColumn].Trim() : string.Empty;
        // Organisation names come from the mapping's declared name column: names of councils, not people.
        var name = organisationName.Length > 0 ? $" ({organisationName})" : string.Empty;
        if (code.Length == 0)
        {
            problems.Add(Error(line, column, ImportProblemCodes.MissingCode, $"no organisation code{name}") with { Value = string.Empty });
            return null;
        }

        var quoted = SafeText.Quote(code);
        if (code.IndexOfAny(CombinedSeparators) >= 0)
        {
            problems.Add(Error(line, column, ImportProblemCodes.CombinedOrganisation,
                $"{quoted}{name} combines several organisations; its figures cannot be attributed to one") with { Value = SafeText.IsSafe(code) ? code : null });
            return null;
        }

        if (!Text.IsOrganisationCode(code))
        {
            problems.Add(Error(line, column, ImportProblemCodes.InvalidCode, $"{quoted}{name} is not an organisation code"));
            return null;
        }

        if (organisationName.Contains(" / ", StringComparison.Ordinal))
        {
            // A single code under a combined name ("A / B") still covers several organisations.
            problems.Add(Error(line, column, ImportProblemCodes.CombinedOrganisation,
                $"{quoted} appears with the combined name '{organisationName}'; its figures cannot be attributed to one organisation") with { Value = code });
            return null;
        }

        if (period is null)
        {
            return code;
        }

        var resolution = context.Organisations.Resolve(code, period);
        if (resolution.Status == OrganisationStatus.Unknown)
        {
            problems.Add(Error(line, column, ImportProblemCodes.UnknownOrganisation, $"{quoted}{name} is not in the organisation registry") with { Value = code });
            return null;
        }

        if (resolution.Status == OrganisationStatus.Replaced)
        {
            problems.Add(new ImportProblem(line, column, ProblemSeverity.Warning, ImportProblemCodes.ReplacedOrganisation,
                $"{quoted}{name} was {resolution.Note ?? "replaced"}, before {period.Label}; recorded under the code in the file", code));
        }

        return code;
    }

    private Breakdown? ReadBreakdown(IReadOnlyList<string> fields, long line, List<ImportProblem> problems)
    {
        if (bound.Breakdowns.Length == 0)
        {
            return Breakdown.Total;
        }

        var items = new List<(string, string)>();
        foreach (var breakdown in bound.Breakdowns)
        {
            var value = fields[breakdown.Column].Trim();
            if (breakdown.Mapping.TotalValue is { } total && string.Equals(value, total.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (value.Length == 0)
            {
                problems.Add(Error(line, bound.Header[breakdown.Column], ImportProblemCodes.MissingBreakdown, $"no {breakdown.Mapping.Dimension} given"));
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

    /// <summary>The value for one measure, or null (with errors added) when the cells are unusable.</summary>
    private ObservationValue? ReadValue(BoundMeasure measure, IReadOnlyList<string> fields, long line, List<ImportProblem> problems)
    {
        var codes = bound.Mapping.SpecialCodes;
        Cell[] Read(int[] columns) => [.. columns.Select(c => Cell.Read(bound.Header[c], fields[c], codes))];
        var numerator = Read(measure.Numerator);
        var denominator = Read(measure.Denominator);
        var value = Read(measure.Value);
        Cell[] all = [.. numerator, .. denominator, .. value];

        var errors = false;
        foreach (var cell in all)
        {
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
        }

        if (errors)
        {
            return null;
        }

        var withheld = all.Where(c => c.State is not null).ToList();
        if (withheld.Count > 0)
        {
            var state = Precedence.First(s => withheld.Any(c => c.State == s));
            return ObservationValue.Withheld(state, string.Join("; ", withheld.Select(c => $"{c.Text} in {c.Column}")));
        }

        var unit = measure.Mapping.Unit;
        if (!measure.Mapping.IsProportion)
        {
            var total = value.Sum(c => c.Number!.Value);
            return unit == MeasureUnit.Count ? ObservationValue.Count(total) : ObservationValue.Measured(total);
        }

        var top = numerator.Sum(c => c.Number!.Value);
        var bottom = denominator.Sum(c => c.Number!.Value);
        if (bottom == 0)
        {
            problems.Add(new ImportProblem(line, denominator[0].Column, ProblemSeverity.Warning, ImportProblemCodes.ZeroDenominator,
                $"{measure.Mapping.MeasureId}: the denominator is zero; recorded as not applicable"));
            return ObservationValue.Withheld(ObservationState.NotApplicable, $"denominator is zero in {string.Join(" + ", denominator.Select(c => c.Column))}");
        }

        if (unit == MeasureUnit.Percentage && top > bottom)
        {
            problems.Add(Error(line, numerator[0].Column, ImportProblemCodes.NumeratorExceedsDenominator,
                $"{measure.Mapping.MeasureId}: numerator {top} exceeds denominator {bottom} for a percentage"));
            return null;
        }

        return ObservationValue.Proportion(top, bottom);
    }

    private CrossCheck CrossCheckRow(BoundMeasure measure, Observation observation, BoundLevel level, IReadOnlyList<string> fields, long line, List<ImportProblem> problems)
    {
        var check = measure.Mapping.Published!;
        var column = bound.Header[measure.Published];
        var published = Cell.Read(column, fields[measure.Published], bound.Mapping.SpecialCodes);
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

    private static bool HasErrors(List<ImportProblem> problems) => problems.Exists(p => p.Severity == ProblemSeverity.Error);

    private static ImportProblem Error(long line, string? column, string code, string description) =>
        new(line, column, ProblemSeverity.Error, code, description);

    private static ImportProblem Warning(long line, string? column, string code, string description) =>
        new(line, column, ProblemSeverity.Warning, code, description);

    private static ImportRowResult Rejected(long line, ImportProblem problem) => new(line, RowOutcome.Rejected, [], [problem], []);

    private static ImportRowResult Skipped(long line) => new(line, RowOutcome.Skipped, [], [], []);
}
