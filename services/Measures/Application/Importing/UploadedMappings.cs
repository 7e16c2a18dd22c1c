using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;
using Safeguarding.Measures.Persistence;

namespace Safeguarding.Measures.Application.Importing;

/// <summary>
/// Import mappings as data (docs/import-mappings.md): an organisation uploads a mapping document (YAML or JSON,
/// the shipped mappings' format); it is checked by <see cref="MappingLoader"/> (problems named by their path in
/// the document) and stored as the next version of its id when it changed. Versions are never updated or
/// deleted, so an import that named one can always be traced to the exact document. Every read and write is
/// for one organisation: another organisation's mappings are not found.
/// </summary>
public sealed class UploadedMappings(MeasuresDbContext db, ImportMappingCatalog shipped, MeasureReader measures, TimeProvider time)
{
    /// <summary>The largest document accepted (the shipped ones are under 8 KiB).</summary>
    public const int MaxDocumentBytes = 256 * 1024;

    /// <summary>Checks <paramref name="document"/> and, unless <paramref name="validateOnly"/>, stores it as <paramref name="owner"/>'s next version.</summary>
    public async Task<UploadOutcome> UploadAsync(string owner, string document, bool validateOnly, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var mapping = Parse(document);
        var sha = Sha256(document);
        var versions = await VersionsAsync(owner, mapping.Id, cancellationToken);
        var missing = await MissingMeasuresAsync(mapping, cancellationToken);
        if (versions.Count > 0 && versions[^1].DocumentSha256 == sha)
        {
            return new UploadOutcome(versions[^1], Stored: false, missing);
        }

        var entry = new MappingEntry(mapping, MappingOrigin.Uploaded, document)
        {
            OrganisationCode = owner,
            Version = versions.Count == 0 ? 1 : versions[^1].Version + 1,
            UploadedBy = actor.UserId,
            UploadedAt = time.GetUtcNow(),
            DocumentSha256 = sha,
        };
        if (validateOnly)
        {
            return new UploadOutcome(entry, Stored: false, missing);
        }

        db.ImportMappings.Add(new ImportMappingRow
        {
            OrganisationCode = owner,
            MappingId = mapping.Id,
            Version = entry.Version,
            Title = mapping.Title,
            Document = document,
            DocumentSha256 = sha,
            UploadedBy = actor.UserId,
            UploadedAt = entry.UploadedAt.Value.UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ResourceConflictException("import mapping", $"{mapping.Id}@{entry.Version}",
                $"Version {entry.Version} of mapping '{mapping.Id}' was stored by another upload at the same time; upload again to make the next version.");
        }

        return new UploadOutcome(entry, Stored: true, missing);
    }

    /// <summary>
    /// Checks a document as an upload would and returns its mapping; INVALID_ARGUMENT problems name the path in the
    /// document ("measures[1].unit"), or "document" for the whole.
    /// </summary>
    public ImportMapping Parse(string? document)
    {
        if (string.IsNullOrWhiteSpace(document))
        {
            throw new DomainValidationException("document", "is required: a mapping document in YAML or JSON (docs/import-mappings.md)");
        }

        if (Encoding.UTF8.GetByteCount(document) > MaxDocumentBytes)
        {
            throw new DomainValidationException("document", $"is larger than {MaxDocumentBytes / 1024} KiB");
        }

        var mapping = MappingLoader.Parse(document);
        var problems = new ValidationProblems();
        if (shipped.IsShipped(mapping.Id))
        {
            problems.Add("id", $"'{mapping.Id}' is a shipped mapping's id; give your mapping an id of its own (e.g. '{mapping.Id}-local')");
        }

        foreach (var (field, text) in new[] { ("title", mapping.Title), ("source", mapping.Source), ("verification_note", mapping.VerificationNote) })
        {
            if (Platform.Grpc.PersonalDetails.Find(text) is { } what)
            {
                problems.Add(field, Platform.Grpc.PersonalDetails.Problem(what));
            }
        }

        problems.ThrowIfAny();
        return mapping;
    }

    /// <summary>A shipped mapping, or <paramref name="owner"/>'s uploaded one (version 0: its latest); NOT_FOUND otherwise.</summary>
    public async Task<MappingEntry> ResolveAsync(string owner, string id, int version, string versionField, CancellationToken cancellationToken)
    {
        if (shipped.TryFind(id) is { } builtIn)
        {
            return version == 0 ? builtIn : throw new DomainValidationException(versionField, $"'{id}' is a shipped mapping: it has no versions (leave {versionField} 0)");
        }

        return await FindAsync(owner, id, version, cancellationToken)
            ?? throw new ResourceNotFoundException("import mapping", version == 0 ? id : $"{id}@{version}");
    }

    public async Task<MappingEntry?> FindAsync(string owner, string id, int version, CancellationToken cancellationToken)
    {
        var query = db.ImportMappings.AsNoTracking().Where(m => m.OrganisationCode == owner && m.MappingId == id);
        var row = version == 0
            ? await query.OrderByDescending(m => m.Version).FirstOrDefaultAsync(cancellationToken)
            : await query.FirstOrDefaultAsync(m => m.Version == version, cancellationToken);
        return row is null ? null : ToEntry(row);
    }

    /// <summary>Every version of <paramref name="owner"/>'s mapping <paramref name="id"/>, oldest first.</summary>
    public async Task<IReadOnlyList<MappingEntry>> VersionsAsync(string owner, string id, CancellationToken cancellationToken)
    {
        var rows = await db.ImportMappings.AsNoTracking()
            .Where(m => m.OrganisationCode == owner && m.MappingId == id)
            .OrderBy(m => m.Version)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToEntry)];
    }

    /// <summary>The latest version of each of <paramref name="owner"/>'s mappings, by id.</summary>
    public async Task<IReadOnlyList<MappingEntry>> LatestAsync(string owner, CancellationToken cancellationToken)
    {
        var rows = await db.ImportMappings.AsNoTracking()
            .Where(m => m.OrganisationCode == owner)
            .Where(m => m.Version == db.ImportMappings.Where(o => o.OrganisationCode == m.OrganisationCode && o.MappingId == m.MappingId).Max(o => o.Version))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.MappingId, StringComparer.Ordinal).Select(ToEntry)];
    }

    private async Task<IReadOnlyList<string>> MissingMeasuresAsync(ImportMapping mapping, CancellationToken cancellationToken)
    {
        var catalog = await measures.CatalogAsync(mapping.Measures.Select(m => m.MeasureId), cancellationToken);
        return [.. mapping.Measures.Select(m => m.MeasureId).Where(id => !catalog.Histories.ContainsKey(id))];
    }

    private static MappingEntry ToEntry(ImportMappingRow row) => new(MappingLoader.Parse(row.Document), MappingOrigin.Uploaded, row.Document)
    {
        OrganisationCode = row.OrganisationCode,
        Version = row.Version,
        UploadedBy = row.UploadedBy,
        UploadedAt = new DateTimeOffset(DateTime.SpecifyKind(row.UploadedAt, DateTimeKind.Utc)),
        DocumentSha256 = row.DocumentSha256,
    };

    private static string Sha256(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
}

/// <summary>What an upload did: the mapping as stored (or as it would be), whether a version was stored, and the measures it names that are not defined yet.</summary>
public sealed record UploadOutcome(MappingEntry Entry, bool Stored, IReadOnlyList<string> MissingMeasures);
