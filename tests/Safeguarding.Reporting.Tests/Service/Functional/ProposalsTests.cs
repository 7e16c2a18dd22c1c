using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using QuarterlyReport = Safeguarding.Reporting.Documents.QuarterlyReport;
using ReportDocument = Safeguarding.Reporting.Documents.ReportDocument;
using Safeguarding.Reporting.Events;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;
using static Safeguarding.Reporting.Tests.Service.Support.MeasuresEvents;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>
/// The quarterly report's "doing well" and "further exploration" proposed from the evidence, each saying why; the
/// author accepts, edits or drops them and only accepted lines print; nothing is raised when nothing moved.
/// </summary>
public abstract class ProposalsTests : IAsyncLifetime
{
    private const string Quarter = "2025-01/P3M";
    private readonly FictionalPartnership _partnership = new();
    private ReportingHost _host = null!;

    public async Task InitializeAsync() => _host = await ReportingHost.StartAsync(Database);

    protected abstract TestDatabase Database { get; }

    public virtual async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Nothing_is_raised_when_nothing_moved()
    {
        var code = "flat-" + Guid.NewGuid().ToString("N")[..8];
        var measure = code + ".plans";
        var before = await _host.QueryAsync(db => db.ReceivedEvents.CountAsync());
        await _host.PublishAsync(ReportingTopics.MeasureDefined, new() { Measure = Measure(measure, "Plans that are clear", "neglect", InformationType.Quality, MeasureUnit.Percentage, Polarity.HigherBetter, owner: code) }, code);
        for (var m = -12; m < 12; m++)
        {
            await _host.PublishAsync(ReportingTopics.ObservationRecorded, Fraction($"{code}-{m}", code, measure, Month(m), 60, 100, Epoch), code);
        }

        await _host.WaitForReceivedAsync(before + 25);
        await _host.Client.SetProfileAsync(new ReportingProfile { OrganisationCode = code, Name = "Flat Partnership", Kind = Reporting.V1.OrganisationKind.Partnership });

        Assert.Empty(await _host.Actions.ProposeAsync(code, Quarter));
        var report = (QuarterlyReport)await DocumentAsync((await _host.Client.GenerateQuarterlyAsync(code, Quarter)).Id);
        Assert.Empty(report.Performance.DoingWell);
        Assert.Empty(report.Performance.FurtherExploration);
    }

    [Fact]
    public async Task Only_the_lines_the_author_accepted_or_edited_print_and_proposing_again_keeps_the_decisions()
    {
        var before = await _host.QueryAsync(db => db.ReceivedEvents.CountAsync());
        var published = await _partnership.PublishEvidenceAsync(_host);
        await _partnership.RecordNarrativeAsync(_host.Client);
        await _host.WaitForReceivedAsync(before + published);
        await _host.Actions.CreateAsync(new RegisterAction
        {
            OrganisationCode = _partnership.Code, Source = RegisterActionSource.Other, Description = "Agree a neglect screening tool.",
            AgreedOn = "2024-11-01", DueOn = "2025-02-28", Status = RegisterActionStatus.NotStarted,
        });

        var proposals = await _host.Actions.ProposeAsync(_partnership.Code, Quarter);

        Assert.All(proposals, p => Assert.Equal(ProposalStatus.Proposed, p.Status));
        Assert.DoesNotContain(proposals, p => p.Text.Contains("poor", StringComparison.OrdinalIgnoreCase));
        var movement = Assert.Single(proposals, p => p.Basis == "movement" && p.MeasureId == _partnership.FeelSafer);
        Assert.Equal(ProposalKind.FurtherExploration, movement.Kind);
        Assert.Contains("The change is beyond the 95% confidence interval", movement.Text, StringComparison.Ordinal);
        var gaps = proposals.Where(p => p.Basis == "comparator" && p.MeasureId == _partnership.PlansClear).ToList();
        Assert.NotEmpty(gaps);
        Assert.All(gaps, g => Assert.Equal(ProposalKind.DoingWell, g.Kind));
        var overdue = Assert.Single(proposals, p => p.Basis == "overdue-actions");
        Assert.Equal((ProposalKind.FurtherExploration, FictionalPartnership.Name + ": 1 action of 2 open past the due date (the oldest due on 28 February 2025)."), (overdue.Kind, overdue.Text));

        await _host.Actions.AcceptAsync(movement.Id);
        await _host.Actions.EditAsync(gaps[0].Id, "Plans are clearer than across the region.");
        await _host.Actions.DropAsync(gaps[^1].Id == gaps[0].Id ? proposals.First(p => p.Id != movement.Id && p.Id != gaps[0].Id).Id : gaps[^1].Id);
        var again = await _host.Actions.ProposeAsync(_partnership.Code, Quarter);
        Assert.Equal(proposals.Select(p => p.Id).Order(), again.Select(p => p.Id).Order());
        Assert.Equal(ProposalStatus.Accepted, again.Single(p => p.Id == movement.Id).Status);
        Assert.Equal("Plans are clearer than across the region.", again.Single(p => p.Id == gaps[0].Id).Text);

        var report = (QuarterlyReport)await DocumentAsync((await _host.Client.GenerateQuarterlyAsync(_partnership.Code, Quarter)).Id);
        Assert.Equal([movement.Text], report.Performance.FurtherExploration);
        Assert.Equal(["Plans are clearer than across the region."], report.Performance.DoingWell);
    }

    [Fact]
    public async Task An_edit_with_personal_details_is_refused_and_another_organisations_proposal_is_answered_as_missing()
    {
        var before = await _host.QueryAsync(db => db.ReceivedEvents.CountAsync());
        var published = await _partnership.PublishEvidenceAsync(_host);
        await _partnership.RecordNarrativeAsync(_host.Client);
        await _host.WaitForReceivedAsync(before + published);
        var proposal = (await _host.Actions.ProposeAsync(_partnership.Code, Quarter))[0];

        var refused = await Assert.ThrowsAsync<RpcException>(() => _host.Actions.EditAsync(proposal.Id, "Call the lead on 07700 900123."));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["text"], refused.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field));
        var missing = await Assert.ThrowsAsync<RpcException>(() => _host.Actions.CallAsync<DecideProposalRequest, Proposal>(
            "AcceptProposal", new DecideProposalRequest { Id = proposal.Id }, asOrganisation: _partnership.Neighbour));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var stored = (await _host.Actions.CallAsync<ListProposalsRequest, ListProposalsResponse>("ListProposals", new ListProposalsRequest { OrganisationCode = _partnership.Code, PeriodCode = Quarter })).Proposals;
        Assert.Equal((ProposalStatus.Proposed, proposal.ProposedText), (stored.Single(p => p.Id == proposal.Id).Status, stored.Single(p => p.Id == proposal.Id).Text));
    }

    private Task<ReportDocument> DocumentAsync(string id) => _host.StoredDocumentAsync<ReportDocument>(id);
}

public sealed class SqliteProposalsTests : ProposalsTests
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();

    protected override TestDatabase Database => _database;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[Trait("Category", "Integration")]
public sealed class PostgresProposalsTests(PostgresClassDatabase postgres) : ProposalsTests, IClassFixture<PostgresClassDatabase>
{
    protected override TestDatabase Database => postgres.Database;
}
