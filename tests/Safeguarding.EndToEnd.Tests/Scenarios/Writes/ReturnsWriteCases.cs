using Grpc.Core;
using Safeguarding.EndToEnd.Tests.Support;
using Safeguarding.Measures.V1;

namespace Safeguarding.EndToEnd.Tests.Scenarios.Writes;

/// <summary>
/// The returns service's write RPCs (issue 17), each tried on the owner's London dataset return for a quarter of its
/// own. Sign-off runs up the tree (docs/adr/0018-returns-approval-and-visibility.md), so most steps are not the owner's
/// to take: the partnership above waives and approves an agency's return (and approves its own), the region accepts,
/// and the return's organisation or those above it reopen, validate and resolve. Those are the probes' entitled
/// organisations; everyone else, the owner too where it is not entitled, is refused.
/// </summary>
public static class ReturnsWriteCases
{
    private const string Dataset = "london-common";

    // The cases are listed once per owner on one shared instance: counted across them all, so no probe meets another's return.
    private static int _quarters = -1;

    public static IEnumerable<WriteCase> All(WriteCalls calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var service = ReturnsService.Descriptor.FullName + "/";
        ReturnsService.ReturnsServiceClient Returns() => new(calls.Platform.Channel);
        Topology Tree() => calls.Platform.Topology;

        Task<Return> Submit(string organisation, Period period, CallOptions o) =>
            Returns().SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = organisation, DatasetId = Dataset, Period = period }, o).ResponseAsync;
        Task<ApproveReturnsResponse> Approve(IEnumerable<string> organisations, Period period, CallOptions o) =>
            Returns().ApproveReturnsAsync(new ApproveReturnsRequest { DatasetId = Dataset, Period = period, OrganisationCodes = { organisations } }, o).ResponseAsync;

        // The owner's return submitted (a partnership's after its agencies'), or approved by the partnership too.
        async Task<Period> SignedOff(string owner, bool approved)
        {
            var period = NextQuarter();
            var agencies = AgenciesOf(Tree(), owner);
            foreach (var organisation in agencies.Append(owner))
            {
                await Submit(organisation, period, WriteCalls.As(organisation));
            }

            if (approved)
            {
                await Approve(agencies.Append(owner), period, WriteCalls.As(PartnershipOf(Tree(), owner)));
            }

            return period;
        }

        yield return new(service + "SubmitReturn", owner =>
        {
            var period = NextQuarter();
            return Task.FromResult(new WriteProbe([(_, o) => Submit(owner, period, o)], o => Submit(owner, period, o)));
        });

        // Only an agency's return is waived, by the partnership above it: a partnership owner's probe is its waiver of
        // its first agency's return.
        yield return new(service + "WaiveReturn", owner =>
        {
            var period = NextQuarter();
            var waived = AgenciesOf(Tree(), owner).FirstOrDefault(owner);
            Task<Return> Waive(CallOptions o) => Returns().WaiveReturnAsync(
                new WaiveReturnRequest { OrganisationCode = waived, DatasetId = Dataset, Period = period, Reason = "No return this quarter" }, o).ResponseAsync;
            return Task.FromResult(new WriteProbe([(_, o) => Waive(o)], Waive) { Entitled = [PartnershipOf(Tree(), owner)] });
        });
        yield return new(service + "ApproveReturns", async owner =>
        {
            var period = await SignedOff(owner, approved: false);
            return new WriteProbe([(_, o) => Approve([owner], period, o)], o => Approve([owner], period, o)) { Entitled = [PartnershipOf(Tree(), owner)] };
        });
        yield return new(service + "AcceptReturns", async owner =>
        {
            var period = await SignedOff(owner, approved: true);
            Task<AcceptReturnsResponse> Accept(CallOptions o) =>
                Returns().AcceptReturnsAsync(new AcceptReturnsRequest { DatasetId = Dataset, Period = period, OrganisationCodes = { owner } }, o).ResponseAsync;
            return new WriteProbe([(_, o) => Accept(o)], Accept) { Entitled = [Tree().Region] };
        });
        yield return new(service + "ReopenReturn", async owner =>
        {
            var period = await SignedOff(owner, approved: false);
            Task<ReopenReturnResponse> Reopen(CallOptions o) => Returns().ReopenReturnAsync(
                new ReopenReturnRequest { OrganisationCode = owner, DatasetId = Dataset, Period = period, Reason = "Figures to be corrected" }, o).ResponseAsync;
            // While only submitted, the organisation withdraws it; those above may reopen it too.
            return new WriteProbe([(_, o) => Reopen(o)], Reopen) { Entitled = [owner, .. Above(Tree(), owner)] };
        });
        yield return new(service + "ValidateReturn", async owner =>
        {
            var period = await ViolatedAsync(calls, owner, NextQuarter());
            Task<ValidateReturnResponse> Validate(CallOptions o) =>
                Returns().ValidateReturnAsync(new ValidateReturnRequest { OrganisationCode = owner, DatasetId = Dataset, Period = period }, o).ResponseAsync;
            return new WriteProbe([(_, o) => Validate(o)], Validate) { Entitled = [owner, .. Above(Tree(), owner)] };
        });
        yield return new(service + "ResolveViolation", async owner =>
        {
            var period = await ViolatedAsync(calls, owner, NextQuarter());
            var validated = await Returns().ValidateReturnAsync(new ValidateReturnRequest { OrganisationCode = owner, DatasetId = Dataset, Period = period }, WriteCalls.As(owner));
            var violation = validated.Violations.Single(v => v.RuleId == "assessments-in-timescale-within-assessments");
            Task<Violation> Resolve(CallOptions o) => Returns().ResolveViolationAsync(new ResolveViolationRequest
            {
                OrganisationCode = owner, DatasetId = Dataset, Period = period, ViolationId = violation.Id, Resolution = ViolationStatus.Explained,
                Reason = "Assessments started late in the month were counted in the next",
            }, o).ResponseAsync;
            return new WriteProbe([(_, o) => Resolve(o)], Resolve) { Entitled = [owner, .. Above(Tree(), owner)] };
        });
    }

    /// <summary>
    /// The owner's figures for the quarter's first month break the dataset's blocking rule (more assessments in
    /// timescale than assessments), on measures it defined from the library's, so validating its return finds a violation.
    /// </summary>
    private static async Task<Period> ViolatedAsync(WriteCalls calls, string owner, Period quarter)
    {
        var month = new Period { Code = quarter.Code.Replace("/P3M", "/P1M", StringComparison.Ordinal) };
        foreach (var (libraryMeasure, count) in new[] { ("front-door-services-measure-2", 5), ("front-door-services-measure-3", 9) })
        {
            var definition = Scenario.CountDefinition();
            definition.Id = WriteCalls.Fresh("sweep");
            definition.Frequency = Frequency.Monthly;
            await calls.Measures.DefineMeasureAsync(new DefineMeasureRequest { Measure = definition, LibraryMeasureId = libraryMeasure }, WriteCalls.As(owner));
            await calls.Measures.RecordObservationAsync(Scenario.Record(owner, definition.Id, month, Scenario.CountValue(count)), WriteCalls.As(owner));
        }

        return quarter;
    }

    /// <summary>A financial-year quarter no probe has used, from April 2011 on.</summary>
    private static Period NextQuarter()
    {
        var quarter = Interlocked.Increment(ref _quarters);
        var (year, index) = (2011 + (quarter / 4), quarter % 4);
        return new Period { Code = $"{(index == 3 ? year + 1 : year)}-{new[] { 4, 7, 10, 1 }[index]:00}/P3M" };
    }

    private static bool IsPartnership(Topology topology, string organisation) => topology.Partnerships.Any(p => p.Code == organisation);

    /// <summary>The agencies whose returns a partnership's own rests on (none for an agency).</summary>
    private static IEnumerable<string> AgenciesOf(Topology topology, string organisation) =>
        IsPartnership(topology, organisation) ? topology.Partnerships.Single(p => p.Code == organisation).Agencies.Select(a => a.Code) : [];

    /// <summary>The partnership that approves the organisation's return: the one above an agency, or the partnership itself.</summary>
    private static string PartnershipOf(Topology topology, string organisation) =>
        IsPartnership(topology, organisation) ? organisation : topology.PartnershipOf(organisation);

    /// <summary>The organisations above, nearest first.</summary>
    private static IReadOnlyList<string> Above(Topology topology, string organisation) =>
        IsPartnership(topology, organisation) ? [topology.Region] : [topology.PartnershipOf(organisation), topology.Region];
}
