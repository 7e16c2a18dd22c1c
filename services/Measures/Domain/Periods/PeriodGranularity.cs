namespace Safeguarding.Measures.Domain;

/// <summary>The length of a reporting period; the value is its number of months.</summary>
public enum PeriodGranularity
{
    Month = 1,
    Quarter = 3,
    HalfYear = 6,
    Year = 12,
}
