using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.Grpc.Mapping;
using Safeguarding.Measures.Library;
using Safeguarding.Measures.Organisations;
using Safeguarding.Measures.Persistence;
using Safeguarding.Platform.Events;

namespace Safeguarding.Measures.Application.ContentAreas;

/// <summary>
/// Organisations' content areas: adopt from the library (keeping the links), add their own, adapt
/// (statements and questions keep their library links by id; dropping one is refused, retire it),
/// retire. Each change is one transaction with its ContentAreaChanged event.
/// </summary>
public sealed class ContentAreaCommands(MeasuresDbContext db, IEventOutbox outbox, FrameworkLibrary library, OrganisationRegistry organisations, TimeProvider time)
{
    public async Task<OrganisationContentArea> AdoptAsync(string organisationCode, string libraryAreaId, Actor actor, CancellationToken cancellationToken)
    {
        RequireOrganisation(organisationCode);
        var source = library.Area(libraryAreaId) ?? throw new ResourceNotFoundException("library content area", libraryAreaId);
        var area = new OrganisationContentArea
        {
            OrganisationCode = organisationCode,
            Id = source.Id,
            LibraryId = source.Id,
            Group = source.Group,
            Title = source.Title,
            WhyItMatters = source.WhyItMatters,
            Statements = [.. source.GoodStatements.Select(s => new StatementItem(s.Id, s.Id, s.Type, s.Text, false))],
            Questions = [.. source.ScrutinyQuestions.Select(q => new QuestionItem(q.Id, q.Id, q.Text, false))],
            Revision = 1,
            UpdatedAt = time.GetUtcNow().UtcDateTime,
        };
        return await InsertAsync(area, ContentAreaChange.Adopted, actor, cancellationToken);
    }

    public async Task<OrganisationContentArea> AddAsync(OrganisationContentArea proposed, Actor actor, CancellationToken cancellationToken)
    {
        RequireOrganisation(proposed.OrganisationCode);
        var problems = new ValidationProblems();
        ContentAreaRules.Check(proposed, "content_area", problems);
        if (library.Area(proposed.Id) is not null)
        {
            problems.Add("content_area.id", $"'{proposed.Id}' is a library area: adopt it (AdoptContentArea) to keep the link");
        }

        CheckLibraryLinks(proposed, null, problems);
        problems.ThrowIfAny();
        var area = proposed with { LibraryId = null, Retired = false, RetiredReason = null, Revision = 1, UpdatedAt = time.GetUtcNow().UtcDateTime };
        return await InsertAsync(area, ContentAreaChange.Added, actor, cancellationToken);
    }

    public async Task<OrganisationContentArea> UpdateAsync(OrganisationContentArea proposed, string? etag, Actor actor, CancellationToken cancellationToken)
    {
        RequireOrganisation(proposed.OrganisationCode);
        var row = await FindAsync(proposed.OrganisationCode, proposed.Id, cancellationToken);
        var stored = ContentAreaRows.ToDomain(row);
        if (stored.Retired)
        {
            throw new PreconditionFailedException("CONTENT_AREA_RETIRED", stored.Id, $"content area '{stored.Id}' is retired");
        }

        if (!string.IsNullOrEmpty(etag) && etag != stored.ETag)
        {
            throw new PreconditionFailedException("STALE_ETAG", stored.Id, $"content area '{stored.Id}' changed since etag {etag} (now {stored.ETag})");
        }

        var merged = proposed with
        {
            LibraryId = stored.LibraryId,
            Group = string.IsNullOrEmpty(proposed.Group) ? stored.Group : proposed.Group,
            Statements = [.. proposed.Statements.Select(s => s with { LibraryId = stored.Statements.FirstOrDefault(old => old.Id == s.Id)?.LibraryId ?? s.LibraryId })],
            Questions = [.. proposed.Questions.Select(q => q with { LibraryId = stored.Questions.FirstOrDefault(old => old.Id == q.Id)?.LibraryId ?? q.LibraryId })],
            Retired = false,
            RetiredReason = null,
            Revision = stored.Revision + 1,
            UpdatedAt = time.GetUtcNow().UtcDateTime,
        };
        var problems = new ValidationProblems();
        ContentAreaRules.Check(merged, "content_area", problems);
        CheckLibraryLinks(merged, stored, problems);
        foreach (var dropped in stored.Statements.Where(s => merged.Statements.All(n => n.Id != s.Id)))
        {
            problems.Add("content_area.good_statements", $"statement '{dropped.Id}' cannot be dropped; retire it (retired: true)");
        }

        foreach (var dropped in stored.Questions.Where(q => merged.Questions.All(n => n.Id != q.Id)))
        {
            problems.Add("content_area.scrutiny_questions", $"question '{dropped.Id}' cannot be dropped; retire it (retired: true)");
        }

        problems.ThrowIfAny();
        ContentAreaRows.Apply(merged, row, actor.UserId);
        return await SaveAsync(merged, ContentAreaChange.Updated, cancellationToken);
    }

    public async Task<OrganisationContentArea> RetireAsync(string organisationCode, string areaId, string reason, Actor actor, CancellationToken cancellationToken)
    {
        RequireOrganisation(organisationCode);
        if (!Text.IsLabel(reason, 1000))
        {
            throw new DomainValidationException("reason", "is required (single line, at most 1000 characters)");
        }

        Text.RefusePersonalDetail("reason", reason);

        var row = await FindAsync(organisationCode, areaId, cancellationToken);
        var stored = ContentAreaRows.ToDomain(row);
        if (stored.Retired)
        {
            return stored;
        }

        var retired = stored with { Retired = true, RetiredReason = reason.Trim(), Revision = stored.Revision + 1, UpdatedAt = time.GetUtcNow().UtcDateTime };
        ContentAreaRows.Apply(retired, row, actor.UserId);
        return await SaveAsync(retired, ContentAreaChange.Retired, cancellationToken);
    }

    /// <summary>A library area, or any organisation's own area: what a measure may be filed under.</summary>
    public async Task<bool> ExistsAnywhereAsync(string areaId, CancellationToken cancellationToken) =>
        library.Area(areaId) is not null || await db.ContentAreas.AnyAsync(a => a.ContentAreaId == areaId, cancellationToken);

    public async Task<Page<OrganisationContentArea>> ListAsync(string organisationCode, bool includeRetired, PageRequest page, CancellationToken cancellationToken)
    {
        RequireOrganisation(organisationCode);
        var query = db.ContentAreas.AsNoTracking().Where(a => a.OrganisationCode == organisationCode);
        if (!includeRetired)
        {
            query = query.Where(a => a.Status != "retired");
        }

        if (page.After is { } after)
        {
            query = query.Where(a => string.Compare(a.ContentAreaId, after) > 0);
        }

        var rows = await query.OrderBy(a => a.ContentAreaId).Take(page.Size + 1).ToListAsync(cancellationToken);
        var shown = rows.Take(page.Size).Select(ContentAreaRows.ToDomain).ToList();
        return new Page<OrganisationContentArea>(shown, rows.Count > page.Size ? shown[^1].Id : null);
    }

    private void RequireOrganisation(string code)
    {
        if (organisations.Find(code) is null)
        {
            throw new ResourceNotFoundException("organisation", code);
        }
    }

    private async Task<ContentAreaRow> FindAsync(string organisationCode, string areaId, CancellationToken cancellationToken) =>
        await db.ContentAreas.FirstOrDefaultAsync(a => a.OrganisationCode == organisationCode && a.ContentAreaId == areaId, cancellationToken)
            ?? throw new ResourceNotFoundException("content area", $"{organisationCode}/{areaId}");

    // A new item may name a library statement or question of the area's library area (adopting it); links of
    // existing items come from the stored copy, so a caller cannot re-point them.
    private void CheckLibraryLinks(OrganisationContentArea area, OrganisationContentArea? stored, ValidationProblems problems)
    {
        var source = area.LibraryId is null ? null : library.Area(area.LibraryId);
        for (var i = 0; i < area.Statements.Count; i++)
        {
            var link = area.Statements[i].LibraryId;
            var isOld = stored?.Statements.Any(s => s.Id == area.Statements[i].Id && s.LibraryId == link) ?? false;
            if (link is not null && !isOld && source?.GoodStatements.Any(s => s.Id == link) != true)
            {
                problems.Add(FieldPath.Index("content_area.good_statements", i) + ".library_statement_id", $"'{link}' is not a statement of the library area this one was adopted from");
            }
        }

        for (var i = 0; i < area.Questions.Count; i++)
        {
            var link = area.Questions[i].LibraryId;
            var isOld = stored?.Questions.Any(q => q.Id == area.Questions[i].Id && q.LibraryId == link) ?? false;
            if (link is not null && !isOld && source?.ScrutinyQuestions.Any(q => q.Id == link) != true)
            {
                problems.Add(FieldPath.Index("content_area.scrutiny_questions", i) + ".library_question_id", $"'{link}' is not a question of the library area this one was adopted from");
            }
        }
    }

    private async Task<OrganisationContentArea> InsertAsync(OrganisationContentArea area, ContentAreaChange change, Actor actor, CancellationToken cancellationToken)
    {
        if (await db.ContentAreas.AnyAsync(a => a.OrganisationCode == area.OrganisationCode && a.ContentAreaId == area.Id, cancellationToken))
        {
            throw new ResourceConflictException("content area", $"{area.OrganisationCode}/{area.Id}", $"content area '{area.Id}' is already in {area.OrganisationCode}'s framework");
        }

        var row = new ContentAreaRow();
        ContentAreaRows.Apply(area, row, actor.UserId);
        db.ContentAreas.Add(row);
        return await SaveAsync(area, change, cancellationToken);
    }

    private async Task<OrganisationContentArea> SaveAsync(OrganisationContentArea area, ContentAreaChange change, CancellationToken cancellationToken)
    {
        outbox.Add(db, MeasuresTopics.ContentAreaChanged, new ContentAreaChanged { ContentArea = ContentAreaMapping.ToProto(area), Change = change }, area.OrganisationCode);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || Platform.Persistence.DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new ResourceConflictException("content area", $"{area.OrganisationCode}/{area.Id}", $"content area '{area.Id}' was changed at the same time; read it again");
        }

        return area;
    }
}
