using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>Organisations adopt, adapt, add and retire content areas, keeping links to the library.</summary>
public abstract class ContentAreaApiTests(ServiceFixture service)
{
    private MeasuresService.MeasuresServiceClient Client => service.Client;

    [Fact]
    public async Task An_adopted_area_keeps_its_library_links_through_adaptation()
    {
        const string organisation = "E09000004";
        var adopted = await Client.AdoptContentAreaAsync(new AdoptContentAreaRequest { OrganisationCode = organisation, LibraryContentAreaId = "domestic-violence" }, Calls.As());
        Assert.Equal("domestic-violence", adopted.LibraryContentAreaId);
        Assert.NotEmpty(adopted.GoodStatements);
        Assert.All(adopted.GoodStatements, s => Assert.Equal(s.Id, s.LibraryStatementId));

        var adapted = adopted.Clone();
        adapted.Title = "Domestic abuse";
        adapted.GoodStatements[0].Text = "Our own wording of the first statement.";
        adapted.GoodStatements[^1].Retired = true;
        adapted.GoodStatements.Add(new ContentAreaStatement { Id = "own-statement-1", Type = InformationType.Outcome, Text = "Children tell us they feel safer at home." });
        var updated = await Client.UpdateContentAreaAsync(new UpdateContentAreaRequest { ContentArea = adapted }, Calls.As());

        Assert.Equal("Domestic abuse", updated.Title);
        Assert.Equal(adopted.GoodStatements[0].LibraryStatementId, updated.GoodStatements[0].LibraryStatementId);
        Assert.True(updated.GoodStatements[adopted.GoodStatements.Count - 1].Retired);
        Assert.Equal(string.Empty, updated.GoodStatements.Single(s => s.Id == "own-statement-1").LibraryStatementId);
        Assert.NotEqual(adopted.Etag, updated.Etag);

        var dropped = updated.Clone();
        dropped.GoodStatements.RemoveAt(0);
        await RpcAssert.InvalidArgumentAsync("content_area.good_statements", () => Client.UpdateContentAreaAsync(new UpdateContentAreaRequest { ContentArea = dropped }, Calls.As()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Client.UpdateContentAreaAsync(new UpdateContentAreaRequest { ContentArea = adapted }, Calls.As()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => Client.AdoptContentAreaAsync(new AdoptContentAreaRequest { OrganisationCode = organisation, LibraryContentAreaId = "domestic-violence" }, Calls.As()).ResponseAsync);
    }

    [Fact]
    public async Task An_organisation_adds_and_retires_its_own_area_and_lists_page()
    {
        const string organisation = "E09000005";
        for (var i = 0; i < 3; i++)
        {
            await Client.AddContentAreaAsync(new AddContentAreaRequest
            {
                OrganisationCode = organisation,
                ContentArea = new ContentArea
                {
                    Id = $"own-area-{i}",
                    Group = "wider_picture",
                    Title = $"Our area {i}",
                    WhyItMatters = "A local priority.",
                    ScrutinyQuestions = { new ContentAreaQuestion { Id = $"own-area-{i}-q1", Text = "What has changed for children?" } },
                },
            }, Calls.As());
        }

        var retired = await Client.RetireContentAreaAsync(new RetireContentAreaRequest { OrganisationCode = organisation, ContentAreaId = "own-area-1", Reason = "merged into own-area-0" }, Calls.As());
        Assert.Equal(ContentAreaStatus.Retired, retired.Status);

        var active = await Client.ListContentAreasAsync(new ListContentAreasRequest { OrganisationCode = organisation });
        Assert.Equal(["own-area-0", "own-area-2"], active.ContentAreas.Select(a => a.Id));
        var first = await Client.ListContentAreasAsync(new ListContentAreasRequest { OrganisationCode = organisation, IncludeRetired = true, PageSize = 2 });
        var second = await Client.ListContentAreasAsync(new ListContentAreasRequest { OrganisationCode = organisation, IncludeRetired = true, PageSize = 2, PageToken = first.NextPageToken });
        Assert.Equal(["own-area-0", "own-area-1", "own-area-2"], first.ContentAreas.Concat(second.ContentAreas).Select(a => a.Id));
        Assert.Empty(second.NextPageToken);

        // A measure may be filed under an organisation's own area.
        var measure = Definitions.Percentage(Calls.NewMeasureId());
        measure.ContentAreaId = "own-area-2";
        Assert.Equal("own-area-2", (await Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = measure }, Calls.As())).Definition.ContentAreaId);
    }

    [Fact]
    public async Task Content_area_writes_name_the_field_at_fault_and_unknown_things_are_not_found()
    {
        await RpcAssert.InvalidArgumentAsync("content_area.group", () => Client.AddContentAreaAsync(new AddContentAreaRequest
        {
            OrganisationCode = "E09000006",
            ContentArea = new ContentArea { Id = "bad-group", Group = "elsewhere", Title = "T", WhyItMatters = "W" },
        }, Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("content_area.good_statements[0].type", () => Client.AddContentAreaAsync(new AddContentAreaRequest
        {
            OrganisationCode = "E09000006",
            ContentArea = new ContentArea { Id = "no-type", Group = "practice", Title = "T", WhyItMatters = "W", GoodStatements = { new ContentAreaStatement { Id = "s1", Text = "x" } } },
        }, Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("content_area.id", () => Client.AddContentAreaAsync(new AddContentAreaRequest
        {
            OrganisationCode = "E09000006",
            ContentArea = new ContentArea { Id = "front-door-services", Group = "practice", Title = "T", WhyItMatters = "W" },
        }, Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("organisation_code", () => Client.AdoptContentAreaAsync(new AdoptContentAreaRequest { LibraryContentAreaId = "workforce" }, Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("content_area.organisation_code", () => Client.UpdateContentAreaAsync(new UpdateContentAreaRequest { ContentArea = new ContentArea { Id = "x" } }, Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("reason", () => Client.RetireContentAreaAsync(new RetireContentAreaRequest { OrganisationCode = "E09000006", ContentAreaId = "x" }, Calls.As()).ResponseAsync);

        await RpcAssert.NotFoundAsync("organisation", () => Client.AdoptContentAreaAsync(new AdoptContentAreaRequest { OrganisationCode = "X99999999", LibraryContentAreaId = "workforce" }, Calls.As()).ResponseAsync);
        await RpcAssert.NotFoundAsync("library content area", () => Client.AdoptContentAreaAsync(new AdoptContentAreaRequest { OrganisationCode = "E09000006", LibraryContentAreaId = "no-such-area" }, Calls.As()).ResponseAsync);
        await RpcAssert.NotFoundAsync("content area", () => Client.RetireContentAreaAsync(new RetireContentAreaRequest { OrganisationCode = "E09000006", ContentAreaId = "never-added", Reason = "r" }, Calls.As()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => Client.AdoptContentAreaAsync(new AdoptContentAreaRequest { OrganisationCode = "E09000006", LibraryContentAreaId = "workforce" }, Calls.Anonymous()).ResponseAsync);
    }
}

public sealed class SqliteContentAreaApiTests(SqliteServiceFixture service) : ContentAreaApiTests(service), IClassFixture<SqliteServiceFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresContentAreaApiTests(PostgresServiceFixture service) : ContentAreaApiTests(service), IClassFixture<PostgresServiceFixture>;
