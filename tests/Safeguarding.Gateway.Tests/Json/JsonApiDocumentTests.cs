using System.Net;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Safeguarding.Gateway.Tests.Json;

/// <summary>
/// The JSON API's OpenAPI document and its reference page: what the policy table allows and the facade carries,
/// each RPC with schemas from its protos in the proto3 JSON mapping, valid by the OpenAPI reader's rules.
/// </summary>
public sealed class JsonApiDocumentTests(JsonFacadeFixture fixture) : IClassFixture<JsonFacadeFixture>
{
    private const string GetMeasure = "/api/safeguarding.measures.v1.MeasuresService/GetMeasure";

    [Fact]
    public async Task The_document_is_valid_openapi_and_lists_only_rpcs_with_a_policy_that_json_can_carry()
    {
        using var response = await fixture.Http.GetAsync("/openapi/api.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();

        var read = OpenApiDocument.Parse(text, "json", new OpenApiReaderSettings());
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var paths = JsonNode.Parse(text)!["paths"]!.AsObject();
        Assert.Contains(GetMeasure, paths.Select(p => p.Key));
        Assert.Contains(JsonFacadeFixture.EchoPath + "Echo", paths.Select(p => p.Key));
        Assert.DoesNotContain(JsonFacadeFixture.EchoPath + "Unpoliced", paths.Select(p => p.Key)); // no policy: denied, so not offered
        Assert.DoesNotContain(JsonFacadeFixture.EchoPath + "Chat", paths.Select(p => p.Key)); // both ways streaming: gRPC only
        Assert.DoesNotContain(paths, p => p.Key.Contains("grpc.health", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_rpc_has_its_messages_in_the_proto3_json_mapping_its_roles_and_its_error_answers()
    {
        var document = JsonNode.Parse(await fixture.Http.GetStringAsync("/openapi/api.json"))!;

        var operation = document["paths"]![GetMeasure]!["post"]!;
        Assert.Equal("#/components/schemas/safeguarding.measures.v1.GetMeasureRequest", (string?)operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.Contains("Roles:", (string?)operation["description"], StringComparison.Ordinal);
        Assert.Equal("#/components/schemas/google.rpc.Status", (string?)operation["responses"]!["400"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        var schemas = document["components"]!["schemas"]!;
        Assert.Equal("string", (string?)schemas["safeguarding.measures.v1.GetMeasureRequest"]!["properties"]!["measureId"]!["type"]);
        var observation = schemas["safeguarding.measures.v1.Observation"]!["properties"]!;
        Assert.Equal(("string", "date-time"), ((string?)observation["recordedAt"]!["type"], (string?)observation["recordedAt"]!["format"]));
        Assert.Equal("#/components/schemas/safeguarding.measures.v1.ObservationValue", (string?)observation["value"]!["$ref"]);
        var states = schemas["safeguarding.measures.v1.ObservationValue"]!["properties"]!["state"]!["enum"]!.AsArray().Select(v => (string?)v);
        Assert.Contains("OBSERVATION_STATE_SUPPRESSED", states);
        var expand = document["paths"]![JsonFacadeFixture.EchoPath + "Expand"]!["post"]!;
        Assert.Equal("array", (string?)expand["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["type"]);
    }

    [Fact]
    public async Task The_reference_page_reads_without_tools()
    {
        using var response = await fixture.Http.GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>JSON API reference</h1>", html, StringComparison.Ordinal);
        Assert.Contains("MeasuresService.GetMeasure", html, StringComparison.Ordinal);
        Assert.Contains("<caption>safeguarding.measures.v1.GetMeasureRequest</caption>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#message-safeguarding-measures-v1-Observation\"", html, StringComparison.Ordinal);
    }
}
