namespace Safeguarding.Reporting.Samples;

/// <summary>Size and shape of a generated sample book.</summary>
public sealed record SampleBookOptions
{
    public string PartnershipId { get; init; } = "northbridge";

    public string PartnershipName { get; init; } = "Northbridge Safeguarding Children Partnership";

    public int ContentAreas { get; init; } = 12;

    /// <summary>Measures in the whole book, shared out across the content areas.</summary>
    public int Measures { get; init; } = 150;

    /// <summary>Years of monthly values, financial years ending in <see cref="LastYear"/>.</summary>
    public int Years { get; init; } = 5;

    /// <summary>The calendar year the last financial year ends in (March).</summary>
    public int LastYear { get; init; } = 2025;

    public int Seed { get; init; } = 1;
}
