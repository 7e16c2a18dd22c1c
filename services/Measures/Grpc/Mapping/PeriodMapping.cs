using Safeguarding.Measures.Domain;
using Proto = Safeguarding.Measures.V1;

namespace Safeguarding.Measures.Grpc.Mapping;

internal static class PeriodMapping
{
    /// <summary>A period from its code or its granularity and start; null (with a problem) when neither is usable.</summary>
    public static Period? ToDomain(Proto.Period? period, string field, ValidationProblems problems, bool required = true)
    {
        if (period is null || (period.Code.Length == 0 && period.Granularity == Proto.PeriodGranularity.Unspecified))
        {
            if (required)
            {
                problems.Add(field, "is required: a code such as 2024-04/P12M, or granularity, start_year and start_month");
            }

            return null;
        }

        if (period.Code.Length > 0)
        {
            if (Period.TryParseCode(period.Code, out var coded))
            {
                return coded;
            }

            problems.Add(field + ".code", $"{SafeText.Quote(period.Code)} is not a period code such as 2024-04/P12M (start month, then P1M, P3M, P6M or P12M)");
            return null;
        }

        var granularity = MeasureMapping.Required<Proto.PeriodGranularity, PeriodGranularity>(period.Granularity, field + ".granularity", problems);
        try
        {
            return Period.Of(granularity, period.StartYear, period.StartMonth);
        }
        catch (DomainValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                problems.Add(field + "." + (problem.Field == "period.month" ? "start_month" : "start_year"), problem.Description);
            }

            return null;
        }
    }

    public static Proto.Period ToProto(Period period) => new()
    {
        Code = period.Code,
        Label = period.Label,
        Granularity = EnumMap<Proto.PeriodGranularity, PeriodGranularity>.ToProto(period.Granularity),
        StartYear = period.Start.Year,
        StartMonth = period.Start.Month,
    };
}
