using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Computations;

/// <summary>How many measures of one kind (a type or a source) and their share of the area's measures (0 to 1).</summary>
public sealed record BalanceShare(string Key, int Measures, decimal Share)
{
    public decimal Percent => Rounding.HalfUp(Share * 100m, 1);
}

/// <summary>The balance of information in one content area (or overall, with id "all").</summary>
public sealed record AreaBalance(string ContentAreaId, int Measures, IReadOnlyList<BalanceShare> ByType, IReadOnlyList<BalanceShare> BySource)
{
    public BalanceShare Type(InformationType type) => ByType.Single(s => s.Key == WireNames.ToWire(type));

    public BalanceShare Source(Source source) => BySource.Single(s => s.Key == WireNames.ToWire(source));
}

/// <summary>
/// The balance of information an organisation holds in a window (the framework asks for more
/// outcome information and more from children, parents and staff over time).
/// </summary>
public sealed record BalanceReport(string OrganisationCode, Period Window, AreaBalance Overall, IReadOnlyList<AreaBalance> Areas, IReadOnlyList<MeasureVersionRef> UnknownMeasures)
{
    public AreaBalance? Area(string contentAreaId) => Areas.FirstOrDefault(a => a.ContentAreaId == contentAreaId);
}

/// <summary>Change of one share between two windows, in percentage points.</summary>
public sealed record ShareMovement(string Key, decimal EarlierPercent, decimal LaterPercent)
{
    public decimal ChangePoints => LaterPercent - EarlierPercent;
}

public sealed record AreaMovement(string ContentAreaId, IReadOnlyList<ShareMovement> ByType, IReadOnlyList<ShareMovement> BySource)
{
    public ShareMovement Type(InformationType type) => ByType.Single(s => s.Key == WireNames.ToWire(type));

    public ShareMovement Source(Source source) => BySource.Single(s => s.Key == WireNames.ToWire(source));
}

public sealed record BalanceMovement(string OrganisationCode, Period Earlier, Period Later, AreaMovement Overall, IReadOnlyList<AreaMovement> Areas)
{
    public AreaMovement? Area(string contentAreaId) => Areas.FirstOrDefault(a => a.ContentAreaId == contentAreaId);
}
