using Grpc.Core;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Region;

/// <summary>A measure the region's report shows across its partnerships, with England's published figures by period code.</summary>
internal sealed record AreaCandidate(MeasureInfo Measure, IReadOnlyDictionary<string, SeriesPoint> EnglandByPeriod)
{
    /// <summary>The measure's content area title, for the Report Book's grouping.</summary>
    public string? ContentArea { get; init; }
}

/// <summary>The region's picture of its partnerships, asked for with the caller's own credentials.</summary>
internal interface IAreaPictureSource
{
    /// <returns>Null when reporting has no gateway to ask (the report then has no such section).</returns>
    Task<AreaPicture?> GetAsync(IReadOnlyList<AreaCandidate> measures, DateOnly asOf, Metadata credentials, CancellationToken cancellationToken);
}

/// <summary>Reporting without a gateway address: no London-wide section.</summary>
internal sealed class NoAreaPicture : IAreaPictureSource
{
    public Task<AreaPicture?> GetAsync(IReadOnlyList<AreaCandidate> measures, DateOnly asOf, Metadata credentials, CancellationToken cancellationToken) =>
        Task.FromResult<AreaPicture?>(null);
}
