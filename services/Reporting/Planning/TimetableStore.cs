using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Planning;

/// <summary>Stores an organisation's QA timetable and judges its coverage against the configured rules.</summary>
internal sealed class TimetableStore(ReportingDbContext db, ProfileStore profiles, IOptions<TimetableOptions> options, TimeProvider time)
{
    public async Task<QaActivity> CreateAsync(QaActivity? activity, Actor caller, CancellationToken cancellationToken)
    {
        var doneOn = ActivityRules.Validate(activity);
        var now = time.GetUtcNow();
        var row = new QaActivityRow { Id = Guid.CreateVersion7(now).ToString() };
        Fill(row, activity!, doneOn, caller, now.UtcDateTime);
        db.QaActivities.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return ToProto(row);
    }

    public async Task<QaActivity> GetAsync(string id, string field, CancellationToken cancellationToken) =>
        ToProto(await FindAsync(id, field, cancellationToken));

    public async Task<QaActivity> UpdateAsync(QaActivity? activity, Actor caller, CancellationToken cancellationToken)
    {
        var doneOn = ActivityRules.Validate(activity);
        var row = await FindAsync(activity!.Id, "activity.id", cancellationToken);
        CheckEtag(row, activity.Etag);
        if (row.OrganisationCode != activity.OrganisationCode)
        {
            throw RpcErrors.InvalidArgument("activity.organisation_code", "an activity cannot move to another organisation");
        }

        Fill(row, activity, doneOn, caller, time.GetUtcNow().UtcDateTime);
        await SaveAsync(row, cancellationToken);
        return ToProto(row);
    }

    public async Task DeleteAsync(string id, string etag, CancellationToken cancellationToken)
    {
        var row = await FindAsync(id, "id", cancellationToken);
        CheckEtag(row, etag);
        db.QaActivities.Remove(row);
        await SaveAsync(row, cancellationToken);
    }

    public async Task<ListQaActivitiesResponse> ListAsync(ListQaActivitiesRequest request, CancellationToken cancellationToken)
    {
        RequireCode("organisation_code", request.OrganisationCode);
        var rows = await RowsAsync(request.OrganisationCode, cancellationToken);
        var response = new ListQaActivitiesResponse();
        response.Activities.AddRange(rows
            .Where(r => (request.FromYear == 0 || Math.Max(r.PlannedYear, Facts(r).Year) >= request.FromYear)
                && (request.ToYear == 0 || Math.Min(r.PlannedYear, Facts(r).Year) <= request.ToYear))
            .Select(ToProto));
        return response;
    }

    public async Task<QaCoverage> CoverageAsync(GetQaCoverageRequest request, CancellationToken cancellationToken)
    {
        RequireCode("organisation_code", request.OrganisationCode);
        if (request.FirstYear != 0 && request.FirstYear is < ActivityRules.MinYear or > ActivityRules.MaxYear)
        {
            throw RpcErrors.InvalidArgument("first_year", "must be a financial year 2000 to 2100, or 0 for the year before this one");
        }

        var profile = await profiles.FindAllAsync([request.OrganisationCode], cancellationToken);
        var areas = PriorityAreas(profile.GetValueOrDefault(request.OrganisationCode), _ => null);
        var today = Today();
        var coverage = await EvaluateAsync(request.OrganisationCode, areas, request.FirstYear != 0 ? request.FirstYear : CoverageEvaluator.DefaultFirstYear(today), today, cancellationToken);
        return CoverageMapping.ToProto(request.OrganisationCode, coverage);
    }

    /// <summary>The coverage a report shows: the years around the report's period, as of the day it is drafted.</summary>
    public Task<Coverage> ForReportAsync(string organisationCode, ReportingProfile profile, Func<string, string?> areaTitle, DateOnly periodStart, DateOnly today, CancellationToken cancellationToken) =>
        EvaluateAsync(organisationCode, PriorityAreas(profile, areaTitle), QaYears.Of(periodStart) - 1, today, cancellationToken);

    private async Task<Coverage> EvaluateAsync(string organisationCode, IReadOnlyList<CoverageArea> areas, int firstYear, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(organisationCode, cancellationToken);
        return new CoverageEvaluator(options.Value.Effective).Evaluate([.. rows.Select(Facts)], areas, firstYear, today);
    }

    /// <summary>The profile's priorities that name a content area, titled as the content area is (else as the priority is).</summary>
    private static List<CoverageArea> PriorityAreas(ReportingProfile? profile, Func<string, string?> areaTitle) =>
        profile is null ? [] : [.. profile.StrategicPriorities
            .Where(p => p.ContentAreaId.Length > 0)
            .DistinctBy(p => p.ContentAreaId, StringComparer.Ordinal)
            .Select(p => new CoverageArea(p.ContentAreaId, areaTitle(p.ContentAreaId) ?? (p.Title.Trim() is { Length: > 0 } t ? t : p.ContentAreaId), true))];

    private Task<List<QaActivityRow>> RowsAsync(string organisationCode, CancellationToken cancellationToken) =>
        db.QaActivities.AsNoTracking().Where(r => r.OrganisationCode == organisationCode)
            .OrderBy(r => r.PlannedYear).ThenBy(r => r.PlannedQuarter).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);

    internal static PlannedActivity Facts(QaActivityRow row) => new(
        row.Id, row.Kind, row.ContentAreaId, row.Title, row.PlannedYear, row.PlannedQuarter,
        row.DoneOn.Length > 0 ? DateOnly.ParseExact(row.DoneOn, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        row.DoneByKind, row.DoneById);

    private static void Fill(QaActivityRow row, QaActivity activity, DateOnly? doneOn, Actor caller, DateTime now)
    {
        row.OrganisationCode = activity.OrganisationCode;
        row.Kind = activity.Kind;
        row.ContentAreaId = activity.ContentAreaId;
        row.Title = activity.Title.Trim();
        row.PlannedYear = activity.PlannedYear;
        row.PlannedQuarter = activity.PlannedQuarter;
        row.DoneOn = doneOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        row.DoneByKind = doneOn is null ? QaEvidenceKind.Unspecified : activity.DoneBy?.Kind ?? QaEvidenceKind.Unspecified;
        row.DoneById = doneOn is null ? "" : activity.DoneBy?.Id ?? "";
        row.Etag = Guid.NewGuid().ToString("N");
        row.UpdatedAt = now;
        row.UpdatedBy = caller.UserId;
    }

    private static QaActivity ToProto(QaActivityRow row) => new()
    {
        Id = row.Id,
        OrganisationCode = row.OrganisationCode,
        Kind = row.Kind,
        ContentAreaId = row.ContentAreaId,
        Title = row.Title,
        PlannedYear = row.PlannedYear,
        PlannedQuarter = row.PlannedQuarter,
        DoneOn = row.DoneOn,
        DoneBy = row.DoneByKind == QaEvidenceKind.Unspecified ? null : new QaEvidenceLink { Kind = row.DoneByKind, Id = row.DoneById },
        Etag = row.Etag,
        UpdatedAt = Timestamp.FromDateTime(row.UpdatedAt),
        UpdatedBy = row.UpdatedBy,
    };

    private async Task<QaActivityRow> FindAsync(string id, string field, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out _))
        {
            throw RpcErrors.InvalidArgument(field, "must be the id of a QA activity");
        }

        return await db.QaActivities.FindAsync([id], cancellationToken) ?? throw RpcErrors.NotFound("QA activity", id);
    }

    private static void RequireCode(string field, string value)
    {
        var problems = new List<FieldProblem>();
        TextRules.Code(problems, field, value);
        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }
    }

    private static void CheckEtag(QaActivityRow row, string etag)
    {
        if (etag.Length > 0 && etag != row.Etag)
        {
            throw Stale(row);
        }
    }

    private async Task SaveAsync(QaActivityRow row, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale(row);
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static global::Grpc.Core.RpcException Stale(QaActivityRow row) =>
        RpcErrors.FailedPrecondition("STALE_ETAG", "QA activity " + row.Id, "The activity changed since it was read; read it again and retry.");
}
