using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Annotations;

/// <summary>Stores the events an organisation marks on its charts, entered once and shown wherever they apply.</summary>
internal sealed class AnnotationStore(ReportingDbContext db, TimeProvider time)
{
    public const int MaxTextLength = 120;
    public const int MaxScopeCodes = 50;

    public async Task<ChartAnnotation> CreateAsync(ChartAnnotation? annotation, Actor caller, CancellationToken cancellationToken)
    {
        Validate(annotation);
        var now = time.GetUtcNow();
        var row = new ChartAnnotationRow
        {
            Id = Guid.CreateVersion7(now).ToString(),
            OrganisationCode = annotation!.OrganisationCode,
            OccurredOn = annotation.OccurredOn,
            Text = annotation.Text.Trim(),
            ContentAreaIds = string.Join(' ', annotation.ContentAreaIds.Distinct(StringComparer.Ordinal)),
            MeasureIds = string.Join(' ', annotation.MeasureIds.Distinct(StringComparer.Ordinal)),
            CreatedAt = now.UtcDateTime,
            CreatedBy = caller.UserId,
        };
        db.ChartAnnotations.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return ToProto(row);
    }

    public async Task<ChartAnnotation> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out _))
        {
            throw RpcErrors.InvalidArgument("id", "must be the id of a chart annotation");
        }

        return ToProto(await db.ChartAnnotations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw RpcErrors.NotFound("chart annotation", id));
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await GetAsync(id, cancellationToken);
        await db.ChartAnnotations.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<ListChartAnnotationsResponse> ListAsync(string organisationCode, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        TextRules.Code(problems, "organisation_code", organisationCode);
        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }

        var response = new ListChartAnnotationsResponse();
        response.Annotations.AddRange((await ForAsync(organisationCode, cancellationToken)).Select(ToProto));
        return response;
    }

    /// <summary>The organisation's annotations, ready for its report's charts.</summary>
    public async Task<ChartEventIndex> IndexAsync(string organisationCode, CancellationToken cancellationToken) =>
        new(await ForAsync(organisationCode, cancellationToken));

    /// <summary>The organisation's annotations, oldest first.</summary>
    private Task<List<ChartAnnotationRow>> ForAsync(string organisationCode, CancellationToken cancellationToken) =>
        db.ChartAnnotations.AsNoTracking().Where(r => r.OrganisationCode == organisationCode)
            .OrderBy(r => r.OccurredOn).ThenBy(r => r.Id).ToListAsync(cancellationToken);

    private static void Validate(ChartAnnotation? annotation)
    {
        if (annotation is null)
        {
            throw RpcErrors.InvalidArgument("annotation", "is required");
        }

        var problems = new List<FieldProblem>();
        TextRules.Code(problems, "annotation.organisation_code", annotation.OrganisationCode);
        TextRules.Date(problems, "annotation.occurred_on", annotation.OccurredOn);
        TextRules.Text(problems, "annotation.text", annotation.Text, MaxTextLength);
        Codes(problems, "annotation.content_area_ids", annotation.ContentAreaIds);
        Codes(problems, "annotation.measure_ids", annotation.MeasureIds);
        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }
    }

    private static void Codes(List<FieldProblem> problems, string field, Google.Protobuf.Collections.RepeatedField<string> codes)
    {
        if (codes.Count > MaxScopeCodes)
        {
            problems.Add(new FieldProblem(field, "must name at most " + MaxScopeCodes.ToString(CultureInfo.InvariantCulture)));
            return;
        }

        for (var i = 0; i < codes.Count; i++)
        {
            TextRules.Code(problems, field + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", codes[i]);
        }
    }

    private static ChartAnnotation ToProto(ChartAnnotationRow row)
    {
        var proto = new ChartAnnotation
        {
            Id = row.Id,
            OrganisationCode = row.OrganisationCode,
            OccurredOn = row.OccurredOn,
            Text = row.Text,
            CreatedAt = Timestamp.FromDateTime(row.CreatedAt),
            CreatedBy = row.CreatedBy,
        };
        proto.ContentAreaIds.AddRange(Split(row.ContentAreaIds));
        proto.MeasureIds.AddRange(Split(row.MeasureIds));
        return proto;
    }

    internal static string[] Split(string codes) => codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
