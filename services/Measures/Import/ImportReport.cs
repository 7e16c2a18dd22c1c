using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Import;

/// <summary>An organisation code the import could not take at face value, with how many rows.</summary>
public sealed record OrganisationIssue(string Code, string ProblemCode, long Rows, long FirstLine);

/// <summary>
/// The per-file report of an import: counts, every problem (up to a cap, with counts by code beyond
/// it), cross-check results and the organisation codes that need attention.
/// </summary>
public sealed record ImportReport
{
    public required bool Fatal { get; init; }

    public required long RowsRead { get; init; }

    public required long RowsImported { get; init; }

    public required long RowsRejected { get; init; }

    public required long RowsSkipped { get; init; }

    public required long ObservationsProduced { get; init; }

    /// <summary>Produced observations whose counts the publisher rounded.</summary>
    public required long RoundedObservations { get; init; }

    public required IReadOnlyDictionary<ObservationState, long> States { get; init; }

    public required IReadOnlyDictionary<string, long> ProblemCounts { get; init; }

    public required IReadOnlyList<ImportProblem> Problems { get; init; }

    public required long ProblemsOmitted { get; init; }

    public required long ChecksMatched { get; init; }

    public required long ChecksMismatched { get; init; }

    public required long ChecksNotChecked { get; init; }

    public required IReadOnlyList<CrossCheck> Mismatches { get; init; }

    public required IReadOnlyList<OrganisationIssue> OrganisationIssues { get; init; }
}

/// <summary>Folds streamed row results into an <see cref="ImportReport"/> without keeping the rows.</summary>
public sealed class ImportReportBuilder(int maxProblems = 1000)
{
    private static readonly HashSet<string> OrganisationProblemCodes =
    [
        ImportProblemCodes.UnknownOrganisation,
        ImportProblemCodes.CombinedOrganisation,
        ImportProblemCodes.ReplacedOrganisation,
        ImportProblemCodes.InvalidCode,
        ImportProblemCodes.MissingCode,
    ];

    private readonly List<ImportProblem> _problems = [];
    private readonly List<CrossCheck> _mismatches = [];
    private readonly Dictionary<string, long> _problemCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<ObservationState, long> _states = [];
    private readonly Dictionary<(string Code, string Problem), (long Rows, long FirstLine)> _organisations = [];
    private long _omitted;
    private bool _fatal;
    private long _read;
    private long _imported;
    private long _rejected;
    private long _skipped;
    private long _observations;
    private long _rounded;
    private long _matched;
    private long _mismatched;
    private long _notChecked;

    public void Add(ImportRowResult row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _fatal |= row.IsFatal;
        if (!row.IsFatal)
        {
            _read++;
            if (row.Outcome == RowOutcome.Imported)
            {
                _imported++;
            }
            else if (row.Outcome == RowOutcome.Rejected)
            {
                _rejected++;
            }
            else
            {
                _skipped++;
            }
        }

        foreach (var observation in row.Observations)
        {
            _observations++;
            _states[observation.Value.State] = _states.GetValueOrDefault(observation.Value.State) + 1;
            if (observation.RoundedToNearest is not null)
            {
                _rounded++;
            }
        }

        foreach (var problem in row.Problems)
        {
            AddProblem(problem);
        }

        foreach (var check in row.Checks)
        {
            switch (check.Status)
            {
                case CrossCheckStatus.Matched:
                    _matched++;
                    break;
                case CrossCheckStatus.Mismatched:
                    _mismatched++;
                    if (_mismatches.Count < maxProblems)
                    {
                        _mismatches.Add(check);
                    }

                    break;
                default:
                    _notChecked++;
                    break;
            }
        }
    }

    /// <summary>A row added as imported, rejected when its batch was written (its figures are taken back out of the counts).</summary>
    public void RejectAfterStoring(long line, IReadOnlyList<Observation> observations, ImportProblem problem)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(problem);
        _imported--;
        _rejected++;
        foreach (var observation in observations)
        {
            _observations--;
            _states[observation.Value.State] = _states.GetValueOrDefault(observation.Value.State) - 1;
            if (observation.RoundedToNearest is not null)
            {
                _rounded--;
            }
        }

        AddProblem(problem);
    }

    private void AddProblem(ImportProblem problem)
    {
        _problemCounts[problem.Code] = _problemCounts.GetValueOrDefault(problem.Code) + 1;
        if (_problems.Count < maxProblems)
        {
            _problems.Add(problem);
        }
        else
        {
            _omitted++;
        }

        if (OrganisationProblemCodes.Contains(problem.Code))
        {
            var key = (problem.Value ?? string.Empty, problem.Code);
            var seen = _organisations.GetValueOrDefault(key, (0, problem.Line));
            _organisations[key] = (seen.Rows + 1, seen.FirstLine);
        }
    }

    public ImportReport Build() => new()
    {
        Fatal = _fatal,
        RowsRead = _read,
        RowsImported = _imported,
        RowsRejected = _rejected,
        RowsSkipped = _skipped,
        ObservationsProduced = _observations,
        RoundedObservations = _rounded,
        States = new Dictionary<ObservationState, long>(_states),
        ProblemCounts = new Dictionary<string, long>(_problemCounts),
        Problems = [.. _problems],
        ProblemsOmitted = _omitted,
        ChecksMatched = _matched,
        ChecksMismatched = _mismatched,
        ChecksNotChecked = _notChecked,
        Mismatches = [.. _mismatches],
        OrganisationIssues = [.. _organisations.Select(p => new OrganisationIssue(p.Key.Code, p.Key.Problem, p.Value.Rows, p.Value.FirstLine)).OrderBy(i => i.FirstLine)],
    };
}
