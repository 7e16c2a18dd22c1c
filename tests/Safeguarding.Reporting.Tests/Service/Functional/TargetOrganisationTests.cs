using Grpc.Net.Client;
using Google.Protobuf;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Persistence.Outbox;
using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>
/// The target-organisation rule: one reporting instance serves a partnership and its agencies and the gateway
/// checks only x-sg-target-organisation, so the service holds the body to it. With the header, a request naming
/// another organisation is PERMISSION_DENIED, another organisation's report or narrative entry addressed by id is
/// NOT_FOUND (as if it did not exist), and nothing is written; naming the target works; without the header (a
/// trusted caller in the cluster) nothing changes.
/// </summary>
public sealed class TargetOrganisationTests : IAsyncLifetime
{
    /// <summary>RPCs that name no organisation: RebuildReadModels is an operator's job on the instance.</summary>
    private static readonly string[] NamesNoOrganisation = ["RebuildReadModels"];

    private readonly TestDatabase _database = TestDatabase.Sqlite();
    private readonly string _a = "a-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _b = "b-" + Guid.NewGuid().ToString("N")[..8];
    private ReportingHost _host = null!;
    private GrpcChannel _channel = null!;

    private static Google.Protobuf.Reflection.ServiceDescriptor Service =>
        ReportingServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("ReportingService");

    public async Task InitializeAsync()
    {
        _host = await ReportingHost.StartAsync(_database);
        var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _channel = GrpcChannel.ForAddress(new Uri(address), new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>
    /// One organisation-bearing RPC: given the organisation to name, sets up (as a trusted caller) and returns the call.
    /// <paramref name="Unavailable"/> is a status the allowed calls may end with for reasons of their own (PDF needs a browser).
    /// </summary>
    private sealed record Case(string Method, StatusCode Denied, Func<string, Task<Func<string?, Task>>> Prepare, StatusCode Unavailable = StatusCode.OK);

    [Fact]
    public void Every_rpc_of_the_service_is_checked_here_unless_it_names_no_organisation()
    {
        var checkedMethods = Cases().Select(c => c.Method).ToList();

        Assert.Equal(checkedMethods.Count, checkedMethods.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            Service.Methods.Select(m => m.Name).Order(StringComparer.Ordinal),
            checkedMethods.Concat(NamesNoOrganisation).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Naming_another_organisation_is_refused_and_writes_nothing_naming_the_target_works_and_without_the_header_nothing_changes()
    {
        foreach (var rpc in Cases())
        {
            var denied = await rpc.Prepare(_b);
            var before = await SnapshotAsync();
            var refused = await Assert.ThrowsAsync<RpcException>(() => denied(_a));
            Assert.True(refused.StatusCode == rpc.Denied, $"{rpc.Method}: expected {rpc.Denied}, got {refused.StatusCode}: {refused.Status.Detail}");
            Assert.DoesNotContain(_b, refused.Status.Detail, StringComparison.Ordinal);
            Assert.Equal(before, await SnapshotAsync());
            if (rpc.Denied == StatusCode.PermissionDenied)
            {
                Assert.Equal(TargetOrganisation.NotTargetReason, refused.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
            }

            await SucceedsAsync(rpc, rpc.Method + " for the target", await rpc.Prepare(_a), _a);
            await SucceedsAsync(rpc, rpc.Method + " for the target, named in upper case", await rpc.Prepare(_a), _a.ToUpperInvariant());
            await SucceedsAsync(rpc, rpc.Method + " without a target", await rpc.Prepare(_b), null);
        }
    }

    [Fact]
    public async Task Another_organisations_report_or_entry_is_answered_exactly_as_a_missing_one()
    {
        var theirs = await GenerateAsync(_b, null);
        var missing = Guid.NewGuid().ToString();

        var hidden = await Assert.ThrowsAsync<RpcException>(() => CallAsync<GetReportRequest, Report>("GetReport", new GetReportRequest { ReportId = theirs.Id }, _a));
        var absent = await Assert.ThrowsAsync<RpcException>(() => CallAsync<GetReportRequest, Report>("GetReport", new GetReportRequest { ReportId = missing }, _a));
        Assert.Equal((StatusCode.NotFound, absent.Status.Detail.Replace(missing, theirs.Id, StringComparison.Ordinal)), (hidden.StatusCode, hidden.Status.Detail));
        Assert.Equal(absent.GetDetail<Google.Rpc.ResourceInfo>()!.ResourceType, hidden.GetDetail<Google.Rpc.ResourceInfo>()!.ResourceType);

        // An update naming the target in its body still cannot reach another organisation's entry by its id.
        var entry = await CreateEntryAsync(_b);
        entry.OrganisationCode = _a;
        entry.HorizonNote.Text = "Overwritten";
        var moved = await Assert.ThrowsAsync<RpcException>(() => CallAsync<UpdateNarrativeEntryRequest, NarrativeEntry>("UpdateNarrativeEntry", new UpdateNarrativeEntryRequest { Entry = entry }, _a));
        Assert.Equal(StatusCode.NotFound, moved.StatusCode);
        var stored = await CallAsync<GetNarrativeEntryRequest, NarrativeEntry>("GetNarrativeEntry", new GetNarrativeEntryRequest { Id = entry.Id }, null);
        Assert.Equal((_b, "Looking ahead"), (stored.OrganisationCode, stored.HorizonNote.Text));
    }

    [Fact]
    public async Task Through_the_gateway_a_profile_cannot_point_at_other_organisations_but_may_keep_what_is_stored()
    {
        var trusted = new ReportingProfile { OrganisationCode = _a, Name = "Agency A", Kind = OrganisationKind.Agency, ParentCode = "p-1", ComparatorCodes = { "E09000003" } };
        await CallAsync<SetReportingProfileRequest, ReportingProfile>("SetReportingProfile", new SetReportingProfileRequest { Profile = trusted }, null);

        var renamed = trusted.Clone();
        renamed.Name = "Agency A, renamed";
        Assert.Equal("Agency A, renamed", (await CallAsync<SetReportingProfileRequest, ReportingProfile>("SetReportingProfile", new SetReportingProfileRequest { Profile = renamed }, _a)).Name);

        var reparented = renamed.Clone();
        reparented.ParentCode = _b;
        await DeniedAsync("profile.parent_code", () => CallAsync<SetReportingProfileRequest, ReportingProfile>("SetReportingProfile", new SetReportingProfileRequest { Profile = reparented }, _a));
        var compared = renamed.Clone();
        compared.ComparatorCodes.Add(_b);
        await DeniedAsync("profile.comparator_codes[1]", () => CallAsync<SetReportingProfileRequest, ReportingProfile>("SetReportingProfile", new SetReportingProfileRequest { Profile = compared }, _a));

        var stored = await CallAsync<GetReportingProfileRequest, ReportingProfile>("GetReportingProfile", new GetReportingProfileRequest { OrganisationCode = _a }, _a);
        Assert.Equal(("Agency A, renamed", "p-1", "E09000003"), (stored.Name, stored.ParentCode, string.Join(',', stored.ComparatorCodes)));

        // Dropping them names nobody: allowed. A trusted caller may set anything, as before.
        var dropped = stored.Clone();
        dropped.ParentCode = "";
        dropped.ComparatorCodes.Clear();
        await CallAsync<SetReportingProfileRequest, ReportingProfile>("SetReportingProfile", new SetReportingProfileRequest { Profile = dropped }, _a);
        reparented.Etag = "";
        Assert.Equal(_b, (await CallAsync<SetReportingProfileRequest, ReportingProfile>("SetReportingProfile", new SetReportingProfileRequest { Profile = reparented }, null)).ParentCode);
    }

    private IEnumerable<Case> Cases()
    {
        yield return new("CreateNarrativeEntry", StatusCode.PermissionDenied, org =>
            Call(t => CallAsync<CreateNarrativeEntryRequest, NarrativeEntry>("CreateNarrativeEntry", new CreateNarrativeEntryRequest { Entry = Entry(org) }, t)));
        yield return new("GetNarrativeEntry", StatusCode.NotFound, async org =>
        {
            var entry = await CreateEntryAsync(org);
            return t => CallAsync<GetNarrativeEntryRequest, NarrativeEntry>("GetNarrativeEntry", new GetNarrativeEntryRequest { Id = entry.Id }, t);
        });
        yield return new("UpdateNarrativeEntry", StatusCode.PermissionDenied, async org =>
        {
            var entry = await CreateEntryAsync(org);
            entry.HorizonNote.Text = "Changed";
            return t => CallAsync<UpdateNarrativeEntryRequest, NarrativeEntry>("UpdateNarrativeEntry", new UpdateNarrativeEntryRequest { Entry = entry }, t);
        });
        yield return new("DeleteNarrativeEntry", StatusCode.NotFound, async org =>
        {
            var entry = await CreateEntryAsync(org);
            return t => CallAsync<DeleteNarrativeEntryRequest, DeleteNarrativeEntryResponse>("DeleteNarrativeEntry", new DeleteNarrativeEntryRequest { Id = entry.Id }, t);
        });
        yield return new("ListNarrativeEntries", StatusCode.PermissionDenied, org =>
            Call(t => CallAsync<ListNarrativeEntriesRequest, ListNarrativeEntriesResponse>("ListNarrativeEntries", new ListNarrativeEntriesRequest { OrganisationCode = org }, t)));
        yield return new("SetReportingProfile", StatusCode.PermissionDenied, org =>
            Call(t => CallAsync<SetReportingProfileRequest, ReportingProfile>("SetReportingProfile", new SetReportingProfileRequest { Profile = new ReportingProfile { OrganisationCode = org, Name = "Test organisation", /* not the random code: a run of six hex digits would read as an identifying number */ Kind = OrganisationKind.Agency } }, t)));
        yield return new("GetReportingProfile", StatusCode.PermissionDenied, async org =>
        {
            await CallAsync<SetReportingProfileRequest, ReportingProfile>("SetReportingProfile", new SetReportingProfileRequest { Profile = new ReportingProfile { OrganisationCode = org, Name = "Test organisation", /* not the random code: a run of six hex digits would read as an identifying number */ Kind = OrganisationKind.Agency } }, null);
            return t => CallAsync<GetReportingProfileRequest, ReportingProfile>("GetReportingProfile", new GetReportingProfileRequest { OrganisationCode = org }, t);
        });
        yield return new("GenerateQuarterlyReport", StatusCode.PermissionDenied, org =>
            Call(t => CallAsync<GenerateQuarterlyReportRequest, GenerateReportResponse>("GenerateQuarterlyReport", new GenerateQuarterlyReportRequest { OrganisationCode = org, PeriodCode = "2025-01/P3M" }, t)));
        yield return new("GenerateReportBook", StatusCode.PermissionDenied, org =>
            Call(t => GenerateAsync(org, t)));
        yield return new("GetReport", StatusCode.NotFound, async org =>
        {
            var report = await GenerateAsync(org, null);
            return t => CallAsync<GetReportRequest, Report>("GetReport", new GetReportRequest { ReportId = report.Id, View = ReportView.Full }, t);
        });
        yield return new("ListReports", StatusCode.PermissionDenied, org =>
            Call(t => CallAsync<ListReportsRequest, ListReportsResponse>("ListReports", new ListReportsRequest { OrganisationCode = org }, t)));
        yield return new("GetReportHtml", StatusCode.NotFound, async org =>
        {
            var report = await GenerateAsync(org, null);
            return t => CallAsync<GetReportHtmlRequest, ReportFile>("GetReportHtml", new GetReportHtmlRequest { ReportId = report.Id }, t);
        });
        yield return new(
            "GetReportPdf",
            StatusCode.NotFound,
            async org =>
            {
                var report = await GenerateAsync(org, null);
                return t => CallAsync<GetReportPdfRequest, ReportFile>("GetReportPdf", new GetReportPdfRequest { ReportId = report.Id }, t);
            },
            Unavailable: StatusCode.FailedPrecondition);
        yield return new("ListReportCsv", StatusCode.NotFound, async org =>
        {
            var report = await GenerateAsync(org, null);
            return t => CallAsync<ListReportCsvRequest, ListReportCsvResponse>("ListReportCsv", new ListReportCsvRequest { ReportId = report.Id }, t);
        });
        yield return new("SubmitReport", StatusCode.NotFound, async org =>
        {
            var report = await GenerateAsync(org, null);
            return t => CallAsync<SubmitReportRequest, Report>("SubmitReport", new SubmitReportRequest { ReportId = report.Id }, t);
        });
        yield return new("ApproveReport", StatusCode.NotFound, async org =>
        {
            var report = await GenerateAsync(org, null);
            await CallAsync<SubmitReportRequest, Report>("SubmitReport", new SubmitReportRequest { ReportId = report.Id }, null);
            return t => CallAsync<ApproveReportRequest, Report>("ApproveReport", new ApproveReportRequest { ReportId = report.Id }, t);
        });
        yield return new("PublishReport", StatusCode.NotFound, async org =>
        {
            var report = await GenerateAsync(org, null);
            await CallAsync<SubmitReportRequest, Report>("SubmitReport", new SubmitReportRequest { ReportId = report.Id }, null);
            await CallAsync<ApproveReportRequest, Report>("ApproveReport", new ApproveReportRequest { ReportId = report.Id }, null);
            return t => CallAsync<PublishReportRequest, Report>("PublishReport", new PublishReportRequest { ReportId = report.Id }, t);
        });
    }

    private static Task<Func<string?, Task>> Call(Func<string?, Task> call) => Task.FromResult(call);

    private static async Task SucceedsAsync(Case rpc, string what, Func<string?, Task> call, string? target)
    {
        try
        {
            await call(target);
        }
        catch (RpcException ex) when (rpc.Unavailable == StatusCode.OK || ex.StatusCode != rpc.Unavailable)
        {
            Assert.Fail($"{what}: {ex.StatusCode} {ex.Status.Detail}");
        }
        catch (RpcException)
        {
            // The RPC's own reason (no browser for PDFs), after the target check passed.
        }
    }

    private static async Task DeniedAsync(string field, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal(field, ex.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata["field"]);
    }

    private async Task<Report> GenerateAsync(string organisation, string? target) =>
        (await CallAsync<GenerateReportBookRequest, GenerateReportResponse>("GenerateReportBook", new GenerateReportBookRequest { OrganisationCode = organisation, PeriodCode = "2024-04/P12M" }, target)).Report;

    private Task<NarrativeEntry> CreateEntryAsync(string organisation) =>
        CallAsync<CreateNarrativeEntryRequest, NarrativeEntry>("CreateNarrativeEntry", new CreateNarrativeEntryRequest { Entry = Entry(organisation) }, null);

    private static NarrativeEntry Entry(string organisation) =>
        new() { OrganisationCode = organisation, PeriodCode = "2025-01/P3M", HorizonNote = new HorizonNote { Text = "Looking ahead" } };

    /// <summary>A call as the gateway makes it: an analyst and board member, with the target organisation when given.</summary>
    private Task<TResponse> CallAsync<TRequest, TResponse>(string method, TRequest request, string? target)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        // Without a target the job's token (any organisation: setting up); with one, a member of A as the gateway sends it.
        var headers = target is null
            ? DevelopmentTokens.Headers(ReportingClient.DevelopmentKey, "user-analyst-1", _a, ["analyst", "board-member", ReportingClient.JobRole])
            : DevelopmentTokens.Headers(ReportingClient.DevelopmentKey, "user-analyst-1", _a, ["analyst", "board-member"], target);
        var options = new CallOptions(headers: headers, deadline: DateTime.UtcNow.AddMinutes(2));
        return _channel.UnaryCall(DescriptorMethods.Create<TRequest, TResponse>(Service, method), request, options).ResponseAsync;
    }

    /// <summary>What the service has stored: narrative, profiles, reports with their state, exports and the outbox.</summary>
    private Task<string> SnapshotAsync() => _host.QueryAsync(async db =>
    {
        var entries = (await db.NarrativeEntries.Select(e => new { e.Id, e.Etag }).ToListAsync()).Select(e => $"{e.Id}/{e.Etag}");
        var profiles = (await db.Profiles.Select(p => new { p.OrganisationCode, p.Etag }).ToListAsync()).Select(p => $"{p.OrganisationCode}/{p.Etag}");
        var reports = (await db.Reports.Select(r => new { r.Id, r.Status, r.Stamp }).ToListAsync()).Select(r => $"{r.Id}/{r.Status}/{r.Stamp}");
        return string.Join(
            '|',
            string.Join(',', entries.Order(StringComparer.Ordinal)),
            string.Join(',', profiles.Order(StringComparer.Ordinal)),
            string.Join(',', reports.Order(StringComparer.Ordinal)),
            await db.ReportTransitions.CountAsync(),
            await db.ReportExports.CountAsync(),
            await db.Set<OutboxMessage>().CountAsync());
    });
}
