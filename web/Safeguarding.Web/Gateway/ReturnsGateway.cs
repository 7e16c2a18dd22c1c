using Safeguarding.Measures.V1;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Gateway;

/// <summary>
/// Returns through the gateway (measures' ReturnsService, ADR 0018): datasets, the returns of the person's organisation
/// and those below it, a return's violations, and the steps: validate, explain, submit, approve, reopen. Every step is
/// called with the person's own organisation as the target; the service decides who may take it.
/// </summary>
public sealed class ReturnsGateway(GatewayCalls gateway)
{
    /// <summary>At most this many violation pages are read for one return (500 each): far more than a page can show.</summary>
    private const int MaxViolationPages = 10;

    public async Task<IReadOnlyList<Dataset>> DatasetsAsync(SignedInUser person, CancellationToken cancellationToken) =>
        (await gateway.Returns.ListDatasetsAsync(new ListDatasetsRequest(), gateway.As(person, cancellationToken))).Datasets;

    /// <summary>The returns of <paramref name="organisations"/> (none: the person's organisation and every one below it).</summary>
    public async Task<IReadOnlyList<Return>> ReturnsAsync(SignedInUser person, string datasetId, Period period, IEnumerable<string> organisations, CancellationToken cancellationToken) =>
        (await gateway.Returns.ListReturnsAsync(
            new ListReturnsRequest { DatasetId = datasetId, Period = period, OrganisationCodes = { organisations } }, gateway.As(person, cancellationToken))).Returns;

    public async Task<IReadOnlyList<Violation>> ViolationsAsync(SignedInUser person, string organisation, string datasetId, Period period, CancellationToken cancellationToken)
    {
        var all = new List<Violation>();
        var token = string.Empty;
        for (var page = 0; page < MaxViolationPages; page++)
        {
            var found = await gateway.Returns.ListViolationsAsync(new ListViolationsRequest
            {
                OrganisationCode = organisation, DatasetId = datasetId, Period = period, PageSize = 500, PageToken = token,
            }, gateway.As(person, cancellationToken));
            all.AddRange(found.Violations);
            token = found.NextPageToken;
            if (token.Length == 0)
            {
                break;
            }
        }

        return all;
    }

    public async Task<ValidateReturnResponse> ValidateAsync(SignedInUser person, string organisation, string datasetId, Period period, CancellationToken cancellationToken) =>
        await gateway.Returns.ValidateReturnAsync(
            new ValidateReturnRequest { OrganisationCode = organisation, DatasetId = datasetId, Period = period }, gateway.As(person, cancellationToken));

    public async Task<Violation> ExplainAsync(SignedInUser person, string organisation, string datasetId, Period period, long violationId, string reason, CancellationToken cancellationToken) =>
        await gateway.Returns.ResolveViolationAsync(new ResolveViolationRequest
        {
            OrganisationCode = organisation, DatasetId = datasetId, Period = period, ViolationId = violationId,
            Resolution = ViolationStatus.Explained, Reason = reason,
        }, gateway.As(person, cancellationToken));

    public async Task<Return> SubmitAsync(SignedInUser person, string datasetId, Period period, CancellationToken cancellationToken) =>
        await gateway.Returns.SubmitReturnAsync(
            new SubmitReturnRequest { OrganisationCode = person.Organisation, DatasetId = datasetId, Period = period }, gateway.As(person, cancellationToken));

    public async Task<IReadOnlyList<Return>> ApproveAsync(SignedInUser person, string datasetId, Period period, IEnumerable<string> organisations, CancellationToken cancellationToken) =>
        (await gateway.Returns.ApproveReturnsAsync(
            new ApproveReturnsRequest { DatasetId = datasetId, Period = period, OrganisationCodes = { organisations } }, gateway.As(person, cancellationToken))).Returns;

    public async Task<IReadOnlyList<Return>> ReopenAsync(SignedInUser person, string organisation, string datasetId, Period period, string reason, CancellationToken cancellationToken) =>
        (await gateway.Returns.ReopenReturnAsync(
            new ReopenReturnRequest { OrganisationCode = organisation, DatasetId = datasetId, Period = period, Reason = reason }, gateway.As(person, cancellationToken))).Returns;
}
