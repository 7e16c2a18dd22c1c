using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>Measure definitions over gRPC: define, revise (versions vs revisions), get, list with paging, retire.</summary>
public abstract class MeasureApiTests(ServiceFixture service)
{
    private MeasuresService.MeasuresServiceClient Client => service.Client;

    [Fact]
    public async Task A_defined_measure_is_version_1_revision_1_and_can_be_read_back()
    {
        var id = Calls.NewMeasureId();
        var defined = await Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = Definitions.Percentage(id) }, Calls.As(organisation: "E09000002"));

        Assert.Equal((1, 1), (defined.Version, defined.Revision));
        Assert.Equal(64, defined.MeaningHash.Length);
        Assert.Equal("E09000002", defined.OwnerOrganisationCode);
        var read = await Client.GetMeasureAsync(new GetMeasureRequest { MeasureId = id, IncludeHistory = true });
        var expected = Definitions.Percentage(id);
        (expected.Sampling, expected.FollowUp) = (Sampling.WholePopulation, FollowUp.None); // unspecified reads back as the default
        Assert.Equal(expected, read.Definition);
        Assert.Equal(MeasureChangeKind.Defined, Assert.Single(read.History).Change);
    }

    [Fact]
    public async Task Wording_makes_a_revision_meaning_makes_a_version_and_old_versions_stay_readable()
    {
        var id = Calls.NewMeasureId();
        var defined = await Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = Definitions.Percentage(id) }, Calls.As());

        var retitled = Definitions.Percentage(id);
        retitled.Title = "Re-referrals within a year (%)";
        var revised = await Client.ReviseMeasureAsync(new ReviseMeasureRequest { Measure = retitled, Etag = defined.Etag }, Calls.As());
        Assert.Equal(MeasureChangeKind.Revised, revised.Change);
        Assert.Equal((1, 2), (revised.Measure.Version, revised.Measure.Revision));
        Assert.Equal(["title"], revised.ChangedFields);

        var narrowed = retitled.Clone();
        narrowed.NumeratorDefinition = "Referrals within 6 months of a previous referral";
        var versioned = await Client.ReviseMeasureAsync(new ReviseMeasureRequest { Measure = narrowed, Etag = revised.Measure.Etag }, Calls.As());
        Assert.Equal(MeasureChangeKind.NewVersion, versioned.Change);
        Assert.Equal((2, 1), (versioned.Measure.Version, versioned.Measure.Revision));
        Assert.Contains("numerator_definition", versioned.ChangedFields);

        var unchanged = await Client.ReviseMeasureAsync(new ReviseMeasureRequest { Measure = narrowed }, Calls.As());
        Assert.Equal(MeasureChangeKind.Unchanged, unchanged.Change);

        var first = await Client.GetMeasureAsync(new GetMeasureRequest { MeasureId = id, Version = 1 });
        Assert.Equal(retitled.NumeratorDefinition, first.Definition.NumeratorDefinition);
        Assert.Equal(2, first.Revision);
        var history = (await Client.GetMeasureAsync(new GetMeasureRequest { MeasureId = id, IncludeHistory = true })).History;
        Assert.Equal([MeasureChangeKind.Defined, MeasureChangeKind.Revised, MeasureChangeKind.NewVersion], history.Select(h => h.Change));
    }

    [Fact]
    public async Task A_revision_against_a_stale_etag_is_refused()
    {
        var id = Calls.NewMeasureId();
        var defined = await Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = Definitions.Percentage(id) }, Calls.As());
        var first = Definitions.Percentage(id);
        first.Title = "First rename";
        await Client.ReviseMeasureAsync(new ReviseMeasureRequest { Measure = first, Etag = defined.Etag }, Calls.As());

        var second = Definitions.Percentage(id);
        second.Title = "Second rename from the same copy";
        var ex = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Client.ReviseMeasureAsync(new ReviseMeasureRequest { Measure = second, Etag = defined.Etag }, Calls.As()).ResponseAsync);
        Assert.Equal("STALE_ETAG", ex.GetDetail<Google.Rpc.PreconditionFailure>()!.Violations[0].Type);
        Assert.Equal("First rename", (await Client.GetMeasureAsync(new GetMeasureRequest { MeasureId = id })).Definition.Title);
    }

    [Fact]
    public async Task Lists_page_with_opaque_tokens_and_filter_by_content_area_type_and_retirement()
    {
        var area = $"area-{Guid.NewGuid():N}"[..20];
        await Client.AddContentAreaAsync(new AddContentAreaRequest
        {
            OrganisationCode = "E09000003",
            ContentArea = new ContentArea { Id = area, Group = "practice", Title = "Paging area", WhyItMatters = "It keeps this test's measures apart." },
        }, Calls.As());
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var definition = i == 4 ? Definitions.SampledAudit(Calls.NewMeasureId()) : Definitions.Percentage(Calls.NewMeasureId());
            definition.ContentAreaId = area;
            ids.Add((await Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = definition }, Calls.As())).Definition.Id);
        }

        await Client.RetireMeasureAsync(new RetireMeasureRequest { MeasureId = ids[0], Reason = "replaced" }, Calls.As());

        var seen = new List<string>();
        var token = string.Empty;
        var pages = 0;
        do
        {
            var page = await Client.ListMeasuresAsync(new ListMeasuresRequest { ContentAreaId = area, PageSize = 2, PageToken = token, IncludeRetired = true });
            Assert.True(page.Measures.Count <= 2);
            Assert.False(long.TryParse(page.NextPageToken, out _), "page tokens are opaque, not offsets");
            seen.AddRange(page.Measures.Select(m => m.Definition.Id));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen);
        var active = await Client.ListMeasuresAsync(new ListMeasuresRequest { ContentAreaId = area });
        Assert.Equal(ids.Skip(1).Order(StringComparer.Ordinal), active.Measures.Select(m => m.Definition.Id));
        var quality = await Client.ListMeasuresAsync(new ListMeasuresRequest { ContentAreaId = area, Type = InformationType.Quality });
        Assert.Equal(ids[4], Assert.Single(quality.Measures).Definition.Id);

        var first = await Client.ListMeasuresAsync(new ListMeasuresRequest { ContentAreaId = area, PageSize = 1 });
        await RpcAssert.InvalidArgumentAsync("page_token", () => Client.ListMeasuresAsync(new ListMeasuresRequest { ContentAreaId = area, Type = InformationType.Outcome, PageToken = first.NextPageToken }).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("page_token", () => Client.ListMeasuresAsync(new ListMeasuresRequest { PageToken = "not-a-token" }).ResponseAsync);
    }

    [Fact]
    public async Task Adopting_a_library_measure_keeps_the_link()
    {
        var library = await Client.GetFrameworkLibraryAsync(new GetFrameworkLibraryRequest());
        var source = library.ContentAreas.SelectMany(a => a.Measures).First(m => m.Unit == MeasureUnit.Percentage && m.Sampled);
        var adopted = await Client.DefineMeasureAsync(new DefineMeasureRequest { LibraryMeasureId = source.Id, Frequency = Frequency.Quarterly }, Calls.As());

        Assert.Equal(source.Id, adopted.LibraryMeasureId);
        Assert.Equal(source.Title, adopted.Definition.Title);
        Assert.Equal(Sampling.Sample, adopted.Definition.Sampling);
        Assert.Equal(Frequency.Quarterly, adopted.Definition.Frequency);
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => Client.DefineMeasureAsync(new DefineMeasureRequest { LibraryMeasureId = source.Id, Frequency = Frequency.Annual }, Calls.As()).ResponseAsync);
        await RpcAssert.NotFoundAsync("library measure", () => Client.DefineMeasureAsync(new DefineMeasureRequest { LibraryMeasureId = "no-such-measure", Frequency = Frequency.Annual }, Calls.As()).ResponseAsync);
    }

    [Fact]
    public async Task Every_measure_write_names_the_field_at_fault()
    {
        var noUnit = Definitions.Percentage(Calls.NewMeasureId());
        noUnit.Unit = MeasureUnit.Unspecified;
        await RpcAssert.InvalidArgumentAsync("measure.unit", () => Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = noUnit }, Calls.As()).ResponseAsync);

        var noDenominator = Definitions.Percentage(Calls.NewMeasureId());
        noDenominator.DenominatorDefinition = "";
        await RpcAssert.InvalidArgumentAsync("measure.denominator_definition", () => Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = noDenominator }, Calls.As()).ResponseAsync);

        var badId = Definitions.Percentage("Not A Slug");
        await RpcAssert.InvalidArgumentAsync("measure.id", () => Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = badId }, Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("measure", () => Client.DefineMeasureAsync(new DefineMeasureRequest(), Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("frequency", () => Client.DefineMeasureAsync(new DefineMeasureRequest { LibraryMeasureId = "front-door-services-measure-1" }, Calls.As()).ResponseAsync);

        var id = Calls.NewMeasureId();
        await Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = Definitions.Percentage(id) }, Calls.As());
        var untitled = Definitions.Percentage(id);
        untitled.Title = " ";
        await RpcAssert.InvalidArgumentAsync("measure.title", () => Client.ReviseMeasureAsync(new ReviseMeasureRequest { Measure = untitled }, Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("reason", () => Client.ReviseMeasureAsync(new ReviseMeasureRequest { Measure = Definitions.Percentage(id), ForceNewVersion = true }, Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("reason", () => Client.RetireMeasureAsync(new RetireMeasureRequest { MeasureId = id }, Calls.As()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("measure_id", () => Client.GetMeasureAsync(new GetMeasureRequest()).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("page_size", () => Client.ListMeasuresAsync(new ListMeasuresRequest { PageSize = -1 }).ResponseAsync);
    }

    [Fact]
    public async Task Unknown_measures_and_content_areas_are_not_found_and_writes_need_a_user()
    {
        await RpcAssert.NotFoundAsync("measure", () => Client.GetMeasureAsync(new GetMeasureRequest { MeasureId = "no.such.measure" }).ResponseAsync);
        await RpcAssert.NotFoundAsync("measure", () => Client.ReviseMeasureAsync(new ReviseMeasureRequest { Measure = Definitions.Percentage("no.such.measure") }, Calls.As()).ResponseAsync);
        await RpcAssert.NotFoundAsync("measure", () => Client.RetireMeasureAsync(new RetireMeasureRequest { MeasureId = "no.such.measure", Reason = "gone" }, Calls.As()).ResponseAsync);

        var misfiled = Definitions.Percentage(Calls.NewMeasureId());
        misfiled.ContentAreaId = "no-such-area";
        await RpcAssert.NotFoundAsync("content area", () => Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = misfiled }, Calls.As()).ResponseAsync);

        var id = Calls.NewMeasureId();
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = Definitions.Percentage(id) }, Calls.Anonymous()).ResponseAsync);
        await RpcAssert.NotFoundAsync("measure", () => Client.GetMeasureAsync(new GetMeasureRequest { MeasureId = id }).ResponseAsync);
        await Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = Definitions.Percentage(id) }, Calls.As());
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = Definitions.Percentage(id) }, Calls.As()).ResponseAsync);
    }

    [Fact]
    public async Task The_library_and_the_shipped_import_mappings_are_served()
    {
        var library = await Client.GetFrameworkLibraryAsync(new GetFrameworkLibraryRequest());
        Assert.Equal(["practice", "organisational", "wider_picture"], library.Groups.Select(g => g.Id));
        Assert.Contains(library.ContentAreas, a => a.Id == "front-door-services" && a.GoodStatements.Count > 0 && a.Measures.Count > 0);

        var mappings = await Client.ListImportMappingsAsync(new ListImportMappingsRequest());
        var c1 = Assert.Single(mappings.Mappings, m => m.Id == "ees-cin-referrals-rereferrals");
        Assert.True(c1.ColumnsVerified);
        Assert.Contains(c1.Measures, m => m.MeasureId == "cin.rereferrals_within_12_months" && m.Unit == "percentage");

        var london = await Client.ListOrganisationsAsync(new ListOrganisationsRequest { ParentCode = "E12000007" });
        Assert.Equal(35, london.Organisations.Count); // Inner and Outer London and the 33 boroughs
    }
}

public sealed class SqliteMeasureApiTests(SqliteServiceFixture service) : MeasureApiTests(service), IClassFixture<SqliteServiceFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresMeasureApiTests(PostgresServiceFixture service) : MeasureApiTests(service), IClassFixture<PostgresServiceFixture>;
