using Safeguarding.Measures.V1;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>Where an organisation's figures stand in sign-off (issue 17); <see cref="NotInDataset"/> when the measure needs none.</summary>
public enum SignOffState
{
    NotInDataset,
    Open,
    Pending,
    Approved,
    Accepted,
    Waived,
}

/// <summary>One return holding an organisation's figures in an answer, and how many of them are held back from the caller.</summary>
public sealed record SignOff(SignOffState State, string DatasetId, string PeriodCode, int HeldBack);

/// <summary>
/// What an organisation's measures instance said about sign-off while answering for its figures: the returns holding
/// them and where the figures held back from the caller are (so a total is never taken from the shown ones alone).
/// </summary>
public sealed record OrganisationSignOff(IReadOnlyList<SignOff> SignOffs, IReadOnlyList<HeldBackFigure> HeldBack)
{
    public static readonly OrganisationSignOff NotInDataset = new([new SignOff(SignOffState.NotInDataset, string.Empty, string.Empty, 0)], []);

    /// <summary>Gathers the sign-off of every page of one organisation's answer (a return on several pages is counted once, its held-back figures summed).</summary>
    public static OrganisationSignOff From(IReadOnlyList<ListObservationsResponse> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        if (pages.All(p => p.DatasetIds.Count == 0))
        {
            return NotInDataset;
        }

        var signOffs = pages.SelectMany(p => p.Returns)
            .GroupBy(r => (r.DatasetId, r.Period.Code))
            .Select(g => new SignOff(StateOf(g.First().State), g.Key.DatasetId, g.Key.Code, g.Sum(r => r.HeldBack)))
            .ToList();
        return new OrganisationSignOff(signOffs, [.. pages.SelectMany(p => p.HeldBack)]);
    }

    private static SignOffState StateOf(ReturnState state) => state switch
    {
        ReturnState.Submitted => SignOffState.Pending,
        ReturnState.Approved => SignOffState.Approved,
        ReturnState.Accepted => SignOffState.Accepted,
        ReturnState.Waived => SignOffState.Waived,
        _ => SignOffState.Open,
    };
}
