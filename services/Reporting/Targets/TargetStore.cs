using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Targets;

/// <summary>
/// Targets and forecasts per measure, organisation and period, checked against the measure as reporting knows it
/// (its read model): a period the measure reports, and a value its unit allows (a percentage is 0 to 100).
/// </summary>
internal sealed class TargetStore(ReportingDbContext db, TimeProvider time)
{
    public async Task<MeasureTarget> SetAsync(MeasureTarget? target, Actor caller, CancellationToken cancellationToken)
    {
        var period = await ValidateAsync(target, cancellationToken);
        var row = await db.MeasureTargets.FindAsync([target!.OrganisationCode, target.MeasureId, period.Code], cancellationToken);
        if (!target.HasTarget && !target.HasForecast)
        {
            if (row is not null)
            {
                db.MeasureTargets.Remove(row);
                await db.SaveChangesAsync(cancellationToken);
            }

            return new MeasureTarget { OrganisationCode = target.OrganisationCode, MeasureId = target.MeasureId, PeriodCode = period.Code };
        }

        if (row is null)
        {
            row = new MeasureTargetRow { OrganisationCode = target.OrganisationCode, MeasureId = target.MeasureId, PeriodCode = period.Code };
            db.MeasureTargets.Add(row);
        }

        row.PeriodStart = period.Start;
        row.PeriodMonths = period.Months;
        row.Target = target.HasTarget ? target.Target : null;
        row.Forecast = target.HasForecast ? target.Forecast : null;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        row.UpdatedBy = caller.UserId;
        await db.SaveChangesAsync(cancellationToken);
        return ToProto(row);
    }

    public async Task<ListMeasureTargetsResponse> ListAsync(ListMeasureTargetsRequest request, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        TextRules.Code(problems, "organisation_code", request.OrganisationCode);
        TextRules.Code(problems, "measure_id", request.MeasureId, required: false);
        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }

        var query = db.MeasureTargets.AsNoTracking().Where(r => r.OrganisationCode == request.OrganisationCode);
        if (request.MeasureId.Length > 0)
        {
            query = query.Where(r => r.MeasureId == request.MeasureId);
        }

        var response = new ListMeasureTargetsResponse();
        response.Targets.AddRange((await query.OrderBy(r => r.MeasureId).ThenBy(r => r.PeriodStart).ToListAsync(cancellationToken)).Select(ToProto));
        return response;
    }

    /// <summary>The organisation's targets and forecasts, ready for its report's trends.</summary>
    public async Task<TargetIndex> IndexAsync(string organisationCode, CancellationToken cancellationToken) =>
        new(await ForAsync(organisationCode, cancellationToken));

    /// <summary>The organisation's targets and forecasts, every measure and period.</summary>
    public Task<List<MeasureTargetRow>> ForAsync(string organisationCode, CancellationToken cancellationToken) =>
        db.MeasureTargets.AsNoTracking().Where(r => r.OrganisationCode == organisationCode).ToListAsync(cancellationToken);

    private async Task<PeriodSpan> ValidateAsync(MeasureTarget? target, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            throw RpcErrors.InvalidArgument("target", "is required");
        }

        var problems = new List<FieldProblem>();
        TextRules.Code(problems, "target.organisation_code", target.OrganisationCode);
        TextRules.Code(problems, "target.measure_id", target.MeasureId);
        var parsed = PeriodSpan.TryParse(target.PeriodCode, out var period);
        if (!parsed)
        {
            problems.Add(new FieldProblem("target.period_code", "must be a period code such as 2025-04/P3M"));
        }

        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }

        var measure = await db.MeasureVersions.AsNoTracking().Where(m => m.MeasureId == target.MeasureId)
            .OrderByDescending(m => m.Version).ThenByDescending(m => m.Revision).FirstOrDefaultAsync(cancellationToken)
            ?? throw RpcErrors.InvalidArgument("target.measure_id", "is not a measure reporting knows of");
        if (MonthsOf(measure.Frequency) is { } months && months != period.Months)
        {
            problems.Add(new FieldProblem("target.period_code", "must be a period the measure reports: it is reported every " + months.ToString(CultureInfo.InvariantCulture) + " month" + (months == 1 ? "" : "s")));
        }

        Value(problems, "target.target", target.HasTarget ? target.Target : null, measure.Unit);
        Value(problems, "target.forecast", target.HasForecast ? target.Forecast : null, measure.Unit);
        return problems.Count > 0 ? throw RpcErrors.InvalidArgument(problems) : period;
    }

    private static void Value(List<FieldProblem> problems, string field, double? value, MeasureUnit unit)
    {
        if (value is not { } v)
        {
            return;
        }

        if (!double.IsFinite(v) || v < 0)
        {
            problems.Add(new FieldProblem(field, "must be a number of at least 0"));
        }
        else if (unit == MeasureUnit.Percentage && v > 100)
        {
            problems.Add(new FieldProblem(field, "is a percentage: 0 to 100"));
        }
    }

    /// <summary>The length of the periods a measure reports; null where any period will do (ad hoc, unspecified).</summary>
    private static int? MonthsOf(Frequency frequency) => frequency switch
    {
        Frequency.Monthly => 1,
        Frequency.Quarterly => 3,
        Frequency.HalfYearly => 6,
        Frequency.Annual => 12,
        _ => null,
    };

    private static MeasureTarget ToProto(MeasureTargetRow row)
    {
        var proto = new MeasureTarget
        {
            OrganisationCode = row.OrganisationCode,
            MeasureId = row.MeasureId,
            PeriodCode = row.PeriodCode,
            UpdatedAt = Timestamp.FromDateTime(row.UpdatedAt),
            UpdatedBy = row.UpdatedBy,
        };
        if (row.Target is { } t)
        {
            proto.Target = t;
        }

        if (row.Forecast is { } f)
        {
            proto.Forecast = f;
        }

        return proto;
    }
}
