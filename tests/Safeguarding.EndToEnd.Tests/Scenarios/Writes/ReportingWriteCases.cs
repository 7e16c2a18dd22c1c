using Grpc.Core;
using Safeguarding.Reporting.V1;

namespace Safeguarding.EndToEnd.Tests.Scenarios.Writes;

/// <summary>
/// The reporting service's write RPCs, each tried on the owner's records: its narrative entries, its profile and
/// its reports at each step of sign-off, and requests naming the owner.
/// </summary>
public static class ReportingWriteCases
{
    public static IEnumerable<WriteCase> All(WriteCalls calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var service = ReportingService.Descriptor.FullName + "/";

        Task<NarrativeEntry> Create(NarrativeEntry entry, CallOptions o) =>
            calls.Reporting.CreateNarrativeEntryAsync(new CreateNarrativeEntryRequest { Entry = entry }, o).ResponseAsync;
        Task<Report> Step(string method, string reportId, CallOptions o) => method switch
        {
            "SubmitReport" => calls.Reporting.SubmitReportAsync(new SubmitReportRequest { ReportId = reportId }, o).ResponseAsync,
            "ApproveReport" => calls.Reporting.ApproveReportAsync(new ApproveReportRequest { ReportId = reportId }, o).ResponseAsync,
            _ => calls.Reporting.PublishReportAsync(new PublishReportRequest { ReportId = reportId }, o).ResponseAsync,
        };
        async Task<Report> Draft(string owner) => (await calls.Reporting.GenerateReportBookAsync(Book(owner), WriteCalls.As(owner))).Report;

        yield return new(service + "CreateNarrativeEntry", owner => Task.FromResult(new WriteProbe(
            [(_, o) => Create(Entry(owner, "Written by another organisation"), o)],
            o => Create(Entry(owner, "Written by its owner"), o))));
        yield return new(service + "UpdateNarrativeEntry", async owner =>
        {
            var theirs = await Create(Entry(owner, "Looking ahead"), WriteCalls.As(owner));
            Task<NarrativeEntry> Update(string organisation, string text, CallOptions o)
            {
                var entry = theirs.Clone();
                entry.OrganisationCode = organisation;
                entry.HorizonNote.Text = text;
                return calls.Reporting.UpdateNarrativeEntryAsync(new UpdateNarrativeEntryRequest { Entry = entry }, o).ResponseAsync;
            }

            return new([(_, o) => Update(owner, "Changed by another organisation", o), (acting, o) => Update(acting, "Changed by another organisation", o)],
                o => Update(owner, "Changed by its owner", o));
        });
        yield return new(service + "DeleteNarrativeEntry", async owner =>
        {
            var theirs = await Create(Entry(owner, "Looking ahead"), WriteCalls.As(owner));
            Task Delete(CallOptions o) => calls.Reporting.DeleteNarrativeEntryAsync(new DeleteNarrativeEntryRequest { Id = theirs.Id }, o).ResponseAsync;
            return new([(_, o) => Delete(o)], Delete);
        });
        yield return new(service + "SetReportingProfile", owner =>
        {
            Task Set(string name, CallOptions o) => calls.Reporting.SetReportingProfileAsync(new SetReportingProfileRequest
            {
                Profile = new ReportingProfile { OrganisationCode = owner, Name = name, Kind = owner.Contains('-', StringComparison.Ordinal) ? OrganisationKind.Agency : OrganisationKind.Partnership },
            }, o).ResponseAsync;
            return Task.FromResult(new WriteProbe([(_, o) => Set("Named by another organisation", o)], o => Set("Named by its owner", o)));
        });
        yield return new(service + "GenerateQuarterlyReport", owner =>
        {
            Task Generate(CallOptions o) => calls.Reporting.GenerateQuarterlyReportAsync(
                new GenerateQuarterlyReportRequest { OrganisationCode = owner, PeriodCode = "2025-01/P3M" }, o).ResponseAsync;
            return Task.FromResult(new WriteProbe([(_, o) => Generate(o)], Generate));
        });
        yield return new(service + "GenerateReportBook", owner =>
        {
            Task Generate(CallOptions o) => calls.Reporting.GenerateReportBookAsync(Book(owner), o).ResponseAsync;
            return Task.FromResult(new WriteProbe([(_, o) => Generate(o)], Generate));
        });
        foreach (var (method, before) in new[] { ("SubmitReport", Array.Empty<string>()), ("ApproveReport", ["SubmitReport"]), ("PublishReport", ["SubmitReport", "ApproveReport"]) })
        {
            yield return new(service + method, async owner =>
            {
                var theirs = await Draft(owner);
                foreach (var step in before)
                {
                    await Step(step, theirs.Id, WriteCalls.As(owner));
                }

                return new([(_, o) => Step(method, theirs.Id, o)], o => Step(method, theirs.Id, o));
            });
        }

        // An operator's job on the instance itself: not reachable through the gateway by anyone.
        yield return new(service + "RebuildReadModels", _ =>
        {
            Task Rebuild(CallOptions o) => calls.Reporting.RebuildReadModelsAsync(new RebuildReadModelsRequest(), o).ResponseAsync;
            return Task.FromResult(new WriteProbe([(_, o) => Rebuild(o)], Rebuild));
        }, RoutedByGateway: false);
    }

    private static NarrativeEntry Entry(string organisation, string text) =>
        new() { OrganisationCode = organisation, PeriodCode = "2025-01/P3M", HorizonNote = new HorizonNote { Text = text } };

    private static GenerateReportBookRequest Book(string organisation) => new() { OrganisationCode = organisation, PeriodCode = "2024-04/P12M" };
}
