using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Persistence;
using Safeguarding.Surveys.Domain;
using Safeguarding.Surveys.Domain.BuiltIn;
using Safeguarding.Surveys.Grpc;
using Safeguarding.Surveys.Persistence;

namespace Safeguarding.Surveys.Application;

/// <summary>
/// Organisations' questionnaires (every version kept; a change makes the next) beside the built-in set, which every
/// organisation may read and run but none may overwrite.
/// </summary>
public sealed class QuestionnaireCatalog(SurveysDbContext db, TimeProvider clock, QuestionnaireCache cache)
{
    /// <summary>
    /// Stores <paramref name="definition"/> as the next version of its id for <paramref name="organisation"/>, after the
    /// rules (problems named through <paramref name="where"/>). Saving what the latest version already says stores
    /// nothing and returns that version, so importing the same file twice is harmless.
    /// </summary>
    public async Task<QuestionnaireDefinition> SaveAsync(
        QuestionnaireDefinition definition, string organisation, string userId, QuestionnaireRules.ILocator where, CancellationToken ct)
    {
        var problems = QuestionnaireRules.Check(definition, where);
        if (BuiltInQuestionnaires.Find(definition.QuestionnaireId) is not null)
        {
            problems.Add(new(where.Questionnaire("questionnaire_id"), $"'{definition.QuestionnaireId}' is a built-in questionnaire's id; choose another for your own version"));
        }

        if (problems.Count > 0)
        {
            throw new DomainValidationException(problems);
        }

        var json = QuestionnaireMapping.ToJson(definition with { OrganisationCode = organisation, BuiltIn = false });
        var latest = await db.Questionnaires.AsNoTracking()
            .Where(q => q.OrganisationCode == organisation && q.QuestionnaireId == definition.QuestionnaireId)
            .OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct);
        if (latest is not null && latest.Definition == json)
        {
            return ToDefinition(latest);
        }

        var row = new QuestionnaireRow
        {
            OrganisationCode = organisation,
            QuestionnaireId = definition.QuestionnaireId,
            Version = (latest?.Version ?? 0) + 1,
            Title = definition.Title,
            Audience = definition.Audience.ToString(),
            Definition = json,
            CreatedBy = userId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Questionnaires.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new PreconditionFailedException("CONCURRENT_CHANGE", definition.QuestionnaireId, "Someone saved this questionnaire at the same moment; load it again and retry.");
        }

        return ToDefinition(row);
    }

    /// <summary>The organisation's own version (0: latest), or the built-in of that id; NOT_FOUND otherwise.</summary>
    public async Task<QuestionnaireDefinition> GetAsync(string organisation, string questionnaireId, int version, CancellationToken ct) =>
        await FindAsync(organisation, questionnaireId, version, ct) ?? throw new ResourceNotFoundException("questionnaire", questionnaireId);

    public async Task<QuestionnaireDefinition?> FindAsync(string organisation, string questionnaireId, int version, CancellationToken ct)
    {
        if (BuiltInQuestionnaires.Find(questionnaireId) is { } builtIn)
        {
            return version is 0 || version == builtIn.Version ? builtIn : null;
        }

        // A stored version never changes, so a pinned one (every wave's) is read once.
        if (version > 0 && cache.Find(organisation, questionnaireId, version) is { } cached)
        {
            return cached;
        }

        var query = db.Questionnaires.AsNoTracking().Where(q => q.OrganisationCode == organisation && q.QuestionnaireId == questionnaireId);
        var row = version == 0
            ? await query.OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct)
            : await query.FirstOrDefaultAsync(q => q.Version == version, ct);
        return row is null ? null : cache.Keep(ToDefinition(row));
    }

    public async Task<List<QuestionnaireDefinition>> ListAsync(string organisation, bool includeBuiltIn, CancellationToken ct)
    {
        var rows = await db.Questionnaires.AsNoTracking().Where(q => q.OrganisationCode == organisation).ToListAsync(ct);
        var latest = rows.GroupBy(r => r.QuestionnaireId).Select(g => ToDefinition(g.MaxBy(r => r.Version)!)).OrderBy(q => q.QuestionnaireId, StringComparer.Ordinal);
        return [.. (includeBuiltIn ? BuiltInQuestionnaires.All : []), .. latest];
    }

    private static QuestionnaireDefinition ToDefinition(QuestionnaireRow row) =>
        QuestionnaireMapping.FromJson(row.Definition) with
        {
            Version = row.Version,
            OrganisationCode = row.OrganisationCode,
            CreatedAt = DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc),
        };
}

/// <summary>Stored questionnaire versions already read (they never change); bounded, emptied when full.</summary>
public sealed class QuestionnaireCache
{
    private const int Capacity = 1000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, int), QuestionnaireDefinition> _versions = new();

    public QuestionnaireDefinition? Find(string organisation, string questionnaireId, int version) =>
        _versions.TryGetValue((organisation, questionnaireId, version), out var found) ? found : null;

    public QuestionnaireDefinition Keep(QuestionnaireDefinition definition)
    {
        if (_versions.Count >= Capacity)
        {
            _versions.Clear();
        }

        _versions[(definition.OrganisationCode, definition.QuestionnaireId, definition.Version)] = definition;
        return definition;
    }
}
