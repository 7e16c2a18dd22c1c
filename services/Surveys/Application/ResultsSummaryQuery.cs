using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Surveys.Domain.Results;
using Safeguarding.Surveys.Persistence;

namespace Safeguarding.Surveys.Application;

/// <summary>One questionnaire meaning's results over an organisation's closed waves of it.</summary>
/// <param name="ResponsesSuppressed">Outside the organisation, fewer responses than the waves' minimum: the count is withheld.</param>
public sealed record QuestionnaireSummary(string Meaning, string QuestionnaireId, int Version, string Title, bool BuiltIn, int Waves, bool ResponsesSuppressed, int Responses, WaveResultsView Results);

public sealed record ResultsSummaryView(IReadOnlyList<QuestionnaireSummary> Questionnaires, bool DisclosureControlled);

/// <summary>
/// An organisation's own closed waves, counted per question and choice, one entry per questionnaire meaning: what an
/// area-wide picture sums (ADR 0027). A built-in questionnaire version means the same in every organisation; an
/// organisation's own questionnaire is its own meaning. The waves of one meaning are counted as one body of answers
/// by the same calculator as a wave's results, so outside the organisation the same disclosure control applies
/// (<see cref="ChoiceDisclosure"/>), with the strictest of the waves' minimums.
/// </summary>
public sealed class ResultsSummaryQuery(SurveysDbContext db, QuestionnaireCatalog questionnaires)
{
    public const string BuiltInOwner = "built-in";

    public async Task<ResultsSummaryView> SummariseAsync(string organisation, string callerOrganisation, string periodCode, CancellationToken ct)
    {
        var controlled = !string.Equals(organisation, callerOrganisation, StringComparison.OrdinalIgnoreCase);
        var waves = await db.Waves.AsNoTracking()
            .Where(w => w.OrganisationCode == organisation && w.ClosedAt != null && (periodCode == "" || w.PeriodCode == periodCode))
            .ToListAsync(ct);
        var summaries = new List<QuestionnaireSummary>();
        foreach (var group in waves.GroupBy(w => (w.QuestionnaireOwner, w.QuestionnaireId, w.QuestionnaireVersion))
                     .OrderBy(g => g.Key.QuestionnaireId, StringComparer.Ordinal).ThenBy(g => g.Key.QuestionnaireVersion))
        {
            var (owner, questionnaireId, version) = group.Key;
            var definition = await questionnaires.GetAsync(owner, questionnaireId, version, ct);
            var ids = group.Select(w => w.WaveId).ToList();
            var stored = await db.Responses.AsNoTracking().Where(r => ids.Contains(r.WaveId)).Select(r => r.Answers).ToListAsync(ct);
            var answers = stored.Select(json => (IReadOnlyDictionary<string, IReadOnlyList<string>>)JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json)!
                .ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal)).ToList();
            var invitations = group.Sum(w => w.InvitationsIssued);
            var minimum = group.Max(w => w.MinimumResponses);
            var results = WaveResultsCalculator.Calculate(definition, answers, invitations, minimum, controlled);
            var meaning = $"{(definition.BuiltIn ? BuiltInOwner : organisation)}:{questionnaireId}:v{version}";
            // The response count itself is a figure: below the minimum it does not leave (a wave's rate is over invitations).
            var withheld = controlled && answers.Count < minimum;
            summaries.Add(new QuestionnaireSummary(meaning, questionnaireId, version, definition.Title, definition.BuiltIn, group.Count(), withheld, withheld ? 0 : answers.Count, results));
        }

        return new ResultsSummaryView(summaries, controlled);
    }
}
