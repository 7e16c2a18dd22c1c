using Microsoft.EntityFrameworkCore;
using Safeguarding.Audits.Domain;
using Safeguarding.Audits.Library;
using Safeguarding.Audits.Persistence;
using Safeguarding.Audits.V1;
using Safeguarding.Platform.Persistence;

namespace Safeguarding.Audits.Application;

/// <summary>Organisations' audit tools: adopted from the library or their own, versioned by meaning.</summary>
public sealed class ToolCommands(AuditsDbContext db, TimeProvider time)
{
    public static IReadOnlyList<AuditTool> Library => AuditToolLibrary.Tools;

    public async Task<AuditTool> AdoptAsync(AdoptToolRequest request, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var organisation = access.OrganisationFor("organisation_code", request.OrganisationCode);
        var library = AuditToolLibrary.Find(request.LibraryToolId) ?? throw new AuditNotFoundException("library tool", request.LibraryToolId);
        var tool = library.Clone();
        tool.ToolId = string.IsNullOrWhiteSpace(request.ToolId) ? library.ToolId : request.ToolId.Trim();
        tool.LibraryToolId = library.ToolId;
        tool.OrganisationCode = organisation;
        return await SaveAsync(tool, organisation, cancellationToken);
    }

    public async Task<AuditTool> SaveAsync(SaveToolRequest request, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        if (request.Tool is null)
        {
            throw new AuditValidationException("tool", "is required");
        }

        var organisation = access.OrganisationFor("tool.organisation_code", request.Tool.OrganisationCode);
        return await SaveAsync(request.Tool.Clone(), organisation, cancellationToken);
    }

    public async Task<AuditTool> GetAsync(string organisation, string toolId, int version, CancellationToken cancellationToken)
    {
        var query = db.Tools.AsNoTracking().Where(t => t.OrganisationCode == organisation && t.ToolId == toolId);
        var row = version == 0
            ? await query.OrderByDescending(t => t.Version).FirstOrDefaultAsync(cancellationToken)
            : await query.FirstOrDefaultAsync(t => t.Version == version, cancellationToken);
        return row is null ? throw new AuditNotFoundException("tool", version == 0 ? toolId : $"{toolId}@v{version}") : ToProto(row);
    }

    public async Task<IReadOnlyList<AuditTool>> ListAsync(string organisation, CancellationToken cancellationToken)
    {
        var rows = await db.Tools.AsNoTracking().Where(t => t.OrganisationCode == organisation)
            .OrderBy(t => t.ToolId).ThenBy(t => t.Version).ToListAsync(cancellationToken);
        return [.. rows.Select(ToProto)];
    }

    internal static AuditTool ToProto(ToolRow row)
    {
        var tool = Json.Read<AuditTool>(row.Content);
        tool.OrganisationCode = row.OrganisationCode;
        tool.ToolId = row.ToolId;
        tool.Version = row.Version;
        tool.MeaningHash = row.MeaningHash;
        tool.LibraryToolId = row.LibraryToolId ?? string.Empty;
        tool.CreatedAt = Json.Time(row.CreatedAt);
        return tool;
    }

    // Same meaning as the current version: its wording is updated in place (answers still add up). A new meaning:
    // a new version, and programmes on the old one keep it.
    private async Task<AuditTool> SaveAsync(AuditTool tool, string organisation, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        ToolRules.Validate(tool, "tool", problems);
        problems.ThrowIfAny();
        tool.OrganisationCode = organisation;
        tool.MeaningHash = ToolRules.MeaningHash(tool);
        tool.CreatedAt = null;

        var current = await db.Tools.Where(t => t.OrganisationCode == organisation && t.ToolId == tool.ToolId)
            .OrderByDescending(t => t.Version).FirstOrDefaultAsync(cancellationToken);
        if (current is not null && current.MeaningHash == tool.MeaningHash)
        {
            tool.Version = current.Version;
            current.Title = tool.Title;
            current.Content = Json.Write(tool);
        }
        else
        {
            tool.Version = (current?.Version ?? 0) + 1;
            current = new ToolRow
            {
                OrganisationCode = organisation,
                ToolId = tool.ToolId,
                Version = tool.Version,
                Title = tool.Title,
                MeaningHash = tool.MeaningHash,
                LibraryToolId = tool.LibraryToolId.Length > 0 ? tool.LibraryToolId : null,
                Content = Json.Write(tool),
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            db.Tools.Add(current);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new AuditStateException("TOOL_CHANGED", tool.ToolId, "The tool got a new version at the same time; read it and save again.");
        }

        return ToProto(current);
    }
}
