using Grpc.Core;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Narrative;

/// <summary>
/// Reporting profiles: who an organisation code is, its parent (for partnership and regional comparators)
/// and its strategic priorities. An organisation without one reports under its code as an agency.
/// </summary>
internal sealed class ProfileStore(ReportingDbContext db, TimeProvider time)
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public async Task<ReportingProfile> SetAsync(ReportingProfile? profile, Actor caller, CancellationToken cancellationToken)
    {
        Validate(profile);
        var row = await db.Profiles.FindAsync([profile!.OrganisationCode], cancellationToken);
        if (row is null)
        {
            row = new ProfileRow { OrganisationCode = profile.OrganisationCode };
            db.Profiles.Add(row);
        }
        else if (profile.Etag.Length > 0 && profile.Etag != row.Etag)
        {
            throw Stale(row.OrganisationCode);
        }

        var body = profile.Clone();
        body.Etag = "";
        body.UpdatedAt = null;
        body.UpdatedBy = "";
        row.Body = JsonFormatter.Default.Format(body);
        row.Etag = Guid.NewGuid().ToString("N");
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        row.UpdatedBy = caller.UserId;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || Platform.Persistence.DatabaseErrors.IsUniqueViolation(ex))
        {
            throw Stale(row.OrganisationCode);
        }

        return ToProto(row);
    }

    public async Task<ReportingProfile> GetAsync(string organisationCode, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        TextRules.Code(problems, "organisation_code", organisationCode);
        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }

        var row = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.OrganisationCode == organisationCode, cancellationToken);
        return row is null ? throw RpcErrors.NotFound("reporting profile", organisationCode) : ToProto(row);
    }

    /// <summary>The profiles of these codes that exist, by code.</summary>
    public async Task<IReadOnlyDictionary<string, ReportingProfile>> FindAllAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var rows = await db.Profiles.AsNoTracking().Where(p => codes.Contains(p.OrganisationCode)).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.OrganisationCode, ToProto, StringComparer.Ordinal);
    }

    /// <summary>Codes of the organisations whose parent is <paramref name="organisationCode"/> (a partnership's agencies).</summary>
    public async Task<IReadOnlyList<ReportingProfile>> MembersAsync(string organisationCode, CancellationToken cancellationToken)
    {
        // Bodies are JSON; the parent is matched after reading (profiles are few: one per organisation).
        var rows = await db.Profiles.AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(ToProto).Where(p => p.ParentCode == organisationCode).OrderBy(p => p.OrganisationCode, StringComparer.Ordinal).ToList();
    }

    private static void Validate(ReportingProfile? profile)
    {
        if (profile is null)
        {
            throw RpcErrors.InvalidArgument("profile", "is required");
        }

        var problems = new List<FieldProblem>();
        TextRules.Code(problems, "profile.organisation_code", profile.OrganisationCode);
        TextRules.Text(problems, "profile.name", profile.Name, 200);
        if (profile.Kind == OrganisationKind.Unspecified || !System.Enum.IsDefined(profile.Kind))
        {
            problems.Add(new FieldProblem("profile.kind", "must be agency, partnership or region"));
        }

        TextRules.Code(problems, "profile.parent_code", profile.ParentCode, required: false);
        if (profile.ParentCode.Length > 0 && profile.ParentCode == profile.OrganisationCode)
        {
            problems.Add(new FieldProblem("profile.parent_code", "an organisation cannot be its own parent"));
        }

        for (var i = 0; i < profile.ComparatorCodes.Count; i++)
        {
            TextRules.Code(problems, $"profile.comparator_codes[{i}]", profile.ComparatorCodes[i]);
        }

        for (var i = 0; i < profile.StrategicPriorities.Count; i++)
        {
            var priority = profile.StrategicPriorities[i];
            if (priority.Kind == PriorityKind.Unspecified || !System.Enum.IsDefined(priority.Kind))
            {
                problems.Add(new FieldProblem($"profile.strategic_priorities[{i}].kind", "must be a themed priority area or an assurance area"));
            }

            TextRules.Text(problems, $"profile.strategic_priorities[{i}].title", priority.Title, 200);
            TextRules.Code(problems, $"profile.strategic_priorities[{i}].content_area_id", priority.ContentAreaId, required: false);
        }

        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }
    }

    private static ReportingProfile ToProto(ProfileRow row)
    {
        var profile = Parser.Parse<ReportingProfile>(row.Body);
        profile.Etag = row.Etag;
        profile.UpdatedAt = Timestamp.FromDateTime(row.UpdatedAt);
        profile.UpdatedBy = row.UpdatedBy;
        return profile;
    }

    private static RpcException Stale(string code) =>
        RpcErrors.FailedPrecondition("STALE_ETAG", "reporting profile " + code, "The profile changed since it was read; read it again and retry.");
}
