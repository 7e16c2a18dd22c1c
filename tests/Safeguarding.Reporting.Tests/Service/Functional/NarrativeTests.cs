using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>Narrative CRUD over gRPC; bad input is INVALID_ARGUMENT naming the field.</summary>
public sealed class NarrativeTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();
    private readonly string _org = "org-" + Guid.NewGuid().ToString("N")[..8];
    private ReportingHost _host = null!;

    public async Task InitializeAsync() => _host = await ReportingHost.StartAsync(_database);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    public static TheoryData<string, string> InvalidEntries => new()
    {
        { "no-consent", "entry.voice.consent_recorded" },
        { "not-de-identified", "entry.voice.de_identified" },
        { "email-in-quote", "entry.voice.quote" },
        { "postcode-in-quote", "entry.voice.quote" },
        { "long-quote", "entry.voice.quote" },
        { "no-source", "entry.voice.source" },
        { "bad-period", "entry.period_code" },
        { "no-body", "entry.body" },
        { "story-without-scope", "entry.measure_id" },
        { "action-bad-date", "entry.action.due_date" },
        { "action-no-status", "entry.action.status" },
        { "bad-organisation", "entry.organisation_code" },
    };

    [Theory]
    [MemberData(nameof(InvalidEntries))]
    public async Task Invalid_entries_are_refused_naming_the_field(string variant, string field)
    {
        var entry = Variant(variant);

        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Client.CreateAsync(entry));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Entries_are_created_read_updated_listed_and_deleted()
    {
        var created = await _host.Client.CreateAsync(Voice());
        Assert.Equal(ReportingClient.Analyst.UserId, created.CreatedBy);

        created.Voice.Quote = "Things are calmer at home now.";
        var updated = await _host.Client.CallAsync<UpdateNarrativeEntryRequest, NarrativeEntry>("UpdateNarrativeEntry", new UpdateNarrativeEntryRequest { Entry = created });
        Assert.NotEqual(created.Etag, updated.Etag);

        var stale = await Assert.ThrowsAsync<RpcException>(() => _host.Client.CallAsync<UpdateNarrativeEntryRequest, NarrativeEntry>("UpdateNarrativeEntry", new UpdateNarrativeEntryRequest { Entry = created }));
        Assert.Equal(StatusCode.FailedPrecondition, stale.StatusCode);

        var changedKind = updated.Clone();
        changedKind.HorizonNote = new HorizonNote { Text = "Something else" };
        var kind = await Assert.ThrowsAsync<RpcException>(() => _host.Client.CallAsync<UpdateNarrativeEntryRequest, NarrativeEntry>("UpdateNarrativeEntry", new UpdateNarrativeEntryRequest { Entry = changedKind }));
        Assert.Equal(StatusCode.InvalidArgument, kind.StatusCode);

        await _host.Client.CreateAsync(new NarrativeEntry { OrganisationCode = _org, PeriodCode = "2025-04/P3M", HorizonNote = new HorizonNote { Text = "Later quarter" } });
        var listed = await _host.Client.CallAsync<ListNarrativeEntriesRequest, ListNarrativeEntriesResponse>("ListNarrativeEntries",
            new ListNarrativeEntriesRequest { OrganisationCode = _org, PeriodCode = "2025-01/P3M", Kind = NarrativeKind.Voice });
        Assert.Equal("Things are calmer at home now.", Assert.Single(listed.Entries).Voice.Quote);

        await _host.Client.CallAsync<DeleteNarrativeEntryRequest, DeleteNarrativeEntryResponse>("DeleteNarrativeEntry", new DeleteNarrativeEntryRequest { Id = updated.Id, Etag = updated.Etag });
        var gone = await Assert.ThrowsAsync<RpcException>(() => _host.Client.CallAsync<GetNarrativeEntryRequest, NarrativeEntry>("GetNarrativeEntry", new GetNarrativeEntryRequest { Id = updated.Id }));
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
    }

    private NarrativeEntry Voice() => new()
    {
        OrganisationCode = _org,
        PeriodCode = "2025-01/P3M",
        Voice = new Voice { Quote = "They listened to me.", Source = VoiceSource.ParentOrCarer, ConsentRecorded = true, ConsentRecordedOn = "2025-01-15", DeIdentified = true },
    };

    private NarrativeEntry Variant(string variant)
    {
        var entry = Voice();
        switch (variant)
        {
            case "no-consent": entry.Voice.ConsentRecorded = false; break;
            case "not-de-identified": entry.Voice.DeIdentified = false; break;
            case "email-in-quote": entry.Voice.Quote = "Write to me at someone@example.org"; break;
            case "postcode-in-quote": entry.Voice.Quote = "We moved to M5 4WT last year"; break;
            case "long-quote": entry.Voice.Quote = new string('a', 601); break;
            case "no-source": entry.Voice.Source = VoiceSource.Unspecified; break;
            case "bad-period": entry.PeriodCode = "2025-Q1"; break;
            case "no-body": entry.ClearBody(); break;
            case "story-without-scope": entry.Story = new Story { Text = "The figures rose." }; break;
            case "action-bad-date": entry.Action = new ImprovementAction { Description = "Do it", OwnerOrganisation = "Police", DueDate = "31/03/2025", Status = ActionStatus.NotStarted }; break;
            case "action-no-status": entry.Action = new ImprovementAction { Description = "Do it", OwnerOrganisation = "Police", DueDate = "2025-03-31" }; break;
            case "bad-organisation": entry.OrganisationCode = "has spaces"; break;
        }

        return entry;
    }
}
