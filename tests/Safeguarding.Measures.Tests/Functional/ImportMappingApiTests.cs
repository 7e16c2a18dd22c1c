using System.Text;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.V1;
using Safeguarding.Testing;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>
/// Import mappings as data (issue 19 item 7): an organisation uploads a mapping document, versioned; it is listed
/// beside the shipped ones; a bad one is INVALID_ARGUMENT naming the path in the document; a document can be tried
/// against a file in a dry run without storing anything; and another organisation never reaches it.
/// </summary>
public abstract class ImportMappingApiTests(ServiceFixture service)
{
    /// <summary>Barnet: the organisation the mappings belong to.</summary>
    private const string A = "E09000003";

    /// <summary>Another organisation on the instance.</summary>
    private const string B = ServiceFixture.SuccessorCode;

    private MeasuresService.MeasuresServiceClient Client => service.Client;

    /// <summary>A made-up release, one column per measure (a "wide" file), in the generic layout.</summary>
    public static string WideMapping(string id, string title = "Made-up referrals release") => $$"""
        mapping_version: 1
        id: {{id}}
        title: {{title}}
        source: A made-up release for tests
        layout: generic
        columns_verified: true
        period:
          column: Year
          format: financial_year
        organisation:
          code_column: Borough code
        measures:
          - measure_id: madeup.referrals
            unit: count
            value: Referrals
            definition:
              title: Number of referrals (made-up release)
              content_area: cp-cin-planning
              type: quantity
              source: organisational_systems
              method: published_statistics
              numerator_definition: Referrals received in the year
              polarity: neither
              frequency: annual
          - measure_id: madeup.rereferral_rate
            unit: percentage
            numerator: Re-referrals
            denominator: Referrals
            definition:
              title: "% of referrals that were re-referrals (made-up release)"
              content_area: cp-cin-planning
              type: quality
              source: organisational_systems
              method: published_statistics
              numerator_definition: Referrals within 12 months of a previous one
              denominator_definition: Referrals received in the year
              polarity: lower_better
              frequency: annual
        """;

    private const string WideCsv = "Year,Borough code,Referrals,Re-referrals,Notes\r\n2024-25,E09000003,1200,240,x\r\n2024-25,E09000002,1100,c,\r\n";

    [Fact]
    public async Task An_uploaded_mapping_is_version_1_listed_beside_the_shipped_ones_and_read_back_whole()
    {
        var id = NewId();
        var document = WideMapping(id);

        var uploaded = await Client.UploadImportMappingAsync(new UploadImportMappingRequest { Document = document }, As(A));

        Assert.True(uploaded.Stored);
        Assert.Equal((id, "uploaded", A, 1), (uploaded.Mapping.Id, uploaded.Mapping.Origin, uploaded.Mapping.OrganisationCode, uploaded.Mapping.Version));
        Assert.Equal(["madeup.referrals", "madeup.rereferral_rate"], uploaded.Mapping.Measures.Select(m => m.MeasureId));
        var listed = await Client.ListImportMappingsAsync(new ListImportMappingsRequest(), As(A));
        Assert.Contains(listed.Mappings, m => m.Id == "ees-cin-referrals-rereferrals" && m.Origin == "shipped");
        Assert.Contains(listed.Mappings, m => m.Id == id && m.Origin == "uploaded" && m.Version == 1);
        Assert.DoesNotContain((await Client.ListImportMappingsAsync(new ListImportMappingsRequest { ShippedOnly = true }, As(A))).Mappings, m => m.Origin == "uploaded");
        var got = await Client.GetImportMappingAsync(new GetImportMappingRequest { MappingId = id }, As(A));
        Assert.Equal(document, got.Document);
        Assert.Equal(uploaded.Mapping.DocumentSha256, got.Mapping.DocumentSha256);
        var shipped = await Client.GetImportMappingAsync(new GetImportMappingRequest { MappingId = "ees-cin-referrals-rereferrals" }, As(A));
        Assert.Contains("mapping_version: 1", shipped.Document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_document_is_a_new_version_the_old_one_stays_readable_and_an_unchanged_one_stores_nothing()
    {
        var id = NewId();
        await Client.UploadImportMappingAsync(new UploadImportMappingRequest { Document = WideMapping(id) }, As(A));

        var changed = await Client.UploadImportMappingAsync(new UploadImportMappingRequest { Document = WideMapping(id, "Made-up referrals release, revised") }, As(A));
        var again = await Client.UploadImportMappingAsync(new UploadImportMappingRequest { Document = WideMapping(id, "Made-up referrals release, revised") }, As(A));
        var tried = await Client.UploadImportMappingAsync(new UploadImportMappingRequest { Document = WideMapping(id, "Third try"), ValidateOnly = true }, As(A));

        Assert.Equal((true, 2), (changed.Stored, changed.Mapping.Version));
        Assert.Equal((false, 2), (again.Stored, again.Mapping.Version));
        Assert.Equal((false, 3), (tried.Stored, tried.Mapping.Version));
        var first = await Client.GetImportMappingAsync(new GetImportMappingRequest { MappingId = id, Version = 1 }, As(A));
        var latest = await Client.GetImportMappingAsync(new GetImportMappingRequest { MappingId = id }, As(A));
        Assert.Equal("Made-up referrals release", first.Mapping.Title);
        Assert.Equal(("Made-up referrals release, revised", 2), (latest.Mapping.Title, latest.Mapping.Version));
        Assert.Equal([1, 2], latest.Versions.Select(v => v.Version));
        Assert.Equal(2, await service.WithDbAsync(db => db.ImportMappings.CountAsync(m => m.MappingId == id)));
        await RpcAssert.NotFoundAsync("import mapping", () => Client.GetImportMappingAsync(new GetImportMappingRequest { MappingId = id, Version = 3 }, As(A)).ResponseAsync);
    }

    [Fact]
    public async Task A_bad_document_is_refused_naming_the_field_by_its_path_in_the_document_and_nothing_is_stored()
    {
        var id = NewId();
        var before = await service.WithDbAsync(db => db.ImportMappings.CountAsync());

        await RpcAssert.InvalidArgumentAsync("measures[1].unit", () => Upload(WideMapping(id).Replace("unit: percentage", "unit: percent", StringComparison.Ordinal)));
        await RpcAssert.InvalidArgumentAsync("measures[0].definition.polarity", () => Upload(WideMapping(id).Replace("polarity: neither", "polarity: upwards", StringComparison.Ordinal)));
        await RpcAssert.InvalidArgumentAsync("period.format", () => Upload(WideMapping(id).Replace("format: financial_year", "format: fiscal", StringComparison.Ordinal)));
        await RpcAssert.InvalidArgumentAsync("id", () => Upload(WideMapping("ees-cin-referrals-rereferrals")));
        await RpcAssert.InvalidArgumentAsync("yaml", () => Upload("mapping_version: 1\nid: [unclosed\n"));
        await RpcAssert.InvalidArgumentAsync("document", () => Upload(" "));
        await RpcAssert.InvalidArgumentAsync("title", () => Upload(WideMapping(id, "Referrals for Jane Smith DOB 12/03/2015")));

        Assert.Equal(before, await service.WithDbAsync(db => db.ImportMappings.CountAsync()));
        return;

        Task Upload(string document) => Client.UploadImportMappingAsync(new UploadImportMappingRequest { Document = document }, As(A)).ResponseAsync;
    }

    [Fact]
    public async Task A_json_document_is_read_as_well_as_yaml()
    {
        var id = NewId();
        var json = $$"""
            {"mapping_version": 1, "id": "{{id}}", "title": "JSON mapping", "layout": "generic", "columns_verified": false,
             "period": {"column": "Year", "format": "financial_year"}, "organisation": {"code_column": "Borough code"},
             "measures": [{"measure_id": "madeup.referrals", "unit": "count", "value": "Referrals"}]}
            """;

        var uploaded = await Client.UploadImportMappingAsync(new UploadImportMappingRequest { Document = json }, As(A));

        Assert.Equal((id, 1), (uploaded.Mapping.Id, uploaded.Mapping.Version));
        await RpcAssert.InvalidArgumentAsync("measures[0].unit", () => Client.UploadImportMappingAsync(new UploadImportMappingRequest { Document = json.Replace("\"count\"", "\"lots\"", StringComparison.Ordinal) }, As(A)).ResponseAsync);
    }

    [Fact]
    public async Task Another_organisation_neither_reads_nor_changes_our_mappings()
    {
        var id = NewId();
        await Client.UploadImportMappingAsync(new UploadImportMappingRequest { Document = WideMapping(id) }, As(A));

        // A member of B acting for B: our mapping is not there, and naming us is refused.
        await RpcAssert.NotFoundAsync("import mapping", () => Client.GetImportMappingAsync(new GetImportMappingRequest { MappingId = id }, Calls.AsMemberOf(B)).ResponseAsync);
        Assert.DoesNotContain((await Client.ListImportMappingsAsync(new ListImportMappingsRequest(), Calls.AsMemberOf(B))).Mappings, m => m.Id == id);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client.GetImportMappingAsync(new GetImportMappingRequest { MappingId = id, OrganisationCode = A }, Calls.AsMemberOf(B)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client.UploadImportMappingAsync(new UploadImportMappingRequest { OrganisationCode = A, Document = WideMapping(id, "Hijacked") }, Calls.AsMemberOf(B)).ResponseAsync);

        // B's upload of the same id is B's own version 1; ours is untouched.
        var theirs = await Client.UploadImportMappingAsync(new UploadImportMappingRequest { Document = WideMapping(id, "Theirs") }, Calls.AsMemberOf(B));
        Assert.Equal((B, 1), (theirs.Mapping.OrganisationCode, theirs.Mapping.Version));
        var ours = await Client.GetImportMappingAsync(new GetImportMappingRequest { MappingId = id }, As(A));
        Assert.Equal(("Made-up referrals release", 1), (ours.Mapping.Title, ours.Mapping.Version));

        // An import for B cannot name our mapping.
        await RpcAssert.NotFoundAsync("import mapping", () => Client.ImportCsvAsync(new ImportCsvHeader { MappingId = NewId(), FileName = "f.csv", DryRun = true }, new MemoryStream(Encoding.UTF8.GetBytes(WideCsv)), Calls.AsMemberOf(B)));
    }

    [Fact]
    public async Task A_dry_run_with_a_document_says_which_columns_matched_which_measures_it_would_define_and_the_first_problems_storing_nothing()
    {
        var id = NewId();
        var observations = await service.CountObservationsAsync();
        var mappings = await service.WithDbAsync(db => db.ImportMappings.CountAsync());

        var report = await Client.ImportCsvAsync(
            new ImportCsvHeader { MappingDocument = WideMapping(id), FileName = "made-up.csv", DryRun = true, DefineMissingMeasures = true },
            new MemoryStream(Encoding.UTF8.GetBytes(WideCsv)),
            As(A));

        Assert.False(report.Fatal);
        Assert.Equal(["Borough code", "Re-referrals", "Referrals", "Year"], report.ColumnsMatched.Order(StringComparer.Ordinal));
        Assert.Empty(report.ColumnsMissing);
        Assert.Equal(["Notes"], report.ColumnsUnused);
        Assert.Equal(2, report.RowsRead);
        Assert.Equal(4, report.ObservationsProduced);
        Assert.Equal(1, report.States["suppressed"]);
        Assert.Subset(new HashSet<string> { "madeup.referrals", "madeup.rereferral_rate" }, report.MeasuresDefined.ToHashSet());
        Assert.Equal(observations, await service.CountObservationsAsync());
        Assert.Equal(mappings, await service.WithDbAsync(db => db.ImportMappings.CountAsync()));

        // A file the document does not fit: the columns it lacks, as problems and in the report.
        var missing = await Client.ImportCsvAsync(
            new ImportCsvHeader { MappingDocument = WideMapping(id), FileName = "other.csv", DryRun = true, DefineMissingMeasures = true },
            new MemoryStream(Encoding.UTF8.GetBytes("Year,LA,Referrals\r\n2024-25,E09000003,10\r\n")),
            As(A));
        Assert.True(missing.Fatal);
        Assert.Equal(["Borough code", "Re-referrals"], missing.ColumnsMissing.Order(StringComparer.Ordinal));
        Assert.Equal(["LA"], missing.ColumnsUnused);
        Assert.Contains(missing.Problems, p => p.Code == "missing_column" && p.Description.Contains("Borough code", StringComparison.Ordinal));

        // Bad documents and real imports with a document are refused before any byte is read.
        await RpcAssert.InvalidArgumentAsync("measures[0].value", () => Client.ImportCsvAsync(
            new ImportCsvHeader { MappingDocument = WideMapping(id).Replace("value: Referrals", "value: []", StringComparison.Ordinal), FileName = "f.csv", DryRun = true },
            new MemoryStream(Encoding.UTF8.GetBytes(WideCsv)), As(A)));
        await RpcAssert.InvalidArgumentAsync("header.mapping_document", () => Client.ImportCsvAsync(
            new ImportCsvHeader { MappingDocument = WideMapping(id), FileName = "f.csv" }, new MemoryStream(Encoding.UTF8.GetBytes(WideCsv)), As(A)));
    }

    [Fact]
    public async Task An_import_names_an_uploaded_mapping_by_id_and_version_and_records_which_version_it_used()
    {
        var id = NewId();
        await Client.UploadImportMappingAsync(new UploadImportMappingRequest { Document = WideMapping(id) }, As(A));
        await Client.UploadImportMappingAsync(new UploadImportMappingRequest { Document = WideMapping(id, "Revised") }, As(A));

        var latest = await Client.ImportCsvAsync(new ImportCsvHeader { MappingId = id, FileName = "made-up.csv", DefineMissingMeasures = true }, new MemoryStream(Encoding.UTF8.GetBytes(WideCsv)), As(A));
        var first = await Client.ImportCsvAsync(new ImportCsvHeader { MappingId = id, MappingVersion = 1, FileName = "made-up.csv", DryRun = true }, new MemoryStream(Encoding.UTF8.GetBytes(WideCsv)), As(A));

        Assert.Equal((id, 2, 0L), (latest.MappingId, latest.MappingVersion, latest.RowsRejected));
        Assert.Equal(1, first.MappingVersion);
        Assert.Equal($"{id}@2", await service.WithDbAsync(db => db.Imports.Where(i => i.ImportId == latest.ImportId).Select(i => i.MappingId).SingleAsync()));
        var series = await Client.GetSeriesAsync(new GetSeriesRequest { OrganisationCode = A, MeasureId = "madeup.rereferral_rate" }, As(A));
        Assert.Equal("20", decimal.Parse(series.Points.Single(p => p.Period.Code == "2024-04/P12M").Value, System.Globalization.CultureInfo.InvariantCulture).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        await RpcAssert.InvalidArgumentAsync("header.mapping_version", () => Client.ImportCsvAsync(
            new ImportCsvHeader { MappingId = "ees-cin-referrals-rereferrals", MappingVersion = 2, FileName = "f.csv", DryRun = true }, new MemoryStream(Encoding.UTF8.GetBytes(WideCsv)), As(A)));
    }

    private static string NewId() => "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A trusted caller (platform job) acting for <paramref name="organisation"/>.</summary>
    private static CallOptions As(string organisation) => Calls.As(organisation: organisation);
}

public sealed class SqliteImportMappingApiTests(SqliteServiceFixture service) : ImportMappingApiTests(service), IClassFixture<SqliteServiceFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresImportMappingApiTests(PostgresServiceFixture service) : ImportMappingApiTests(service), IClassFixture<PostgresServiceFixture>;
