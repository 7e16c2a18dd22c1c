namespace Safeguarding.Measures.Domain;

/// <summary>Which return: an organisation's figures for a dataset over one of the dataset's periods.</summary>
public sealed record ReturnKey(string OrganisationCode, string DatasetId, Period Period)
{
    public override string ToString() => $"{OrganisationCode}/{DatasetId}/{Period.Code}";
}
