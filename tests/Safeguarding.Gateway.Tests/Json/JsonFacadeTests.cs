using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.GatewayTest.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.Json;

/// <summary>The JSON facade over real HTTP/1.1: proto3 JSON in and out, the gateway's own auth and policies, errors as google.rpc.Status.</summary>
public sealed class JsonFacadeTests(JsonFacadeFixture fixture) : IClassFixture<JsonFacadeFixture>
{
    private static readonly string Analyst = TestTokens.For("json-analyst", "camden-csc", Roles.Analyst);

    [Theory]
    [InlineData("{\"organisationCode\": \"camden-csc\", \"pageSize\": 10}")]
    [InlineData("{\"organisation_code\": \"camden-csc\", \"page_size\": 10}")]
    public async Task A_unary_call_takes_lower_camel_or_proto_names_and_answers_proto3_json(string body)
    {
        using var response = await fixture.PostJsonAsync(JsonFacadeFixture.ReportingPath + "ListReports", body, Analyst);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var json = await JsonFacadeFixture.JsonAsync(response);
        var report = Assert.Single(json["reports"]!.AsArray())!;
        Assert.Equal(FakeReportingService.CamdenCscReport, (string?)report["id"]);
        Assert.Equal("camden-csc", (string?)report["organisationCode"]);
        Assert.Equal("REPORT_STATUS_PUBLISHED", (string?)report["status"]);
        Assert.Equal("2025-01-15T09:30:00Z", (string?)report["createdAt"]);
        // Default values are written out, so every answer has the same fields.
        Assert.Equal(string.Empty, (string?)json["nextPageToken"]);
        Assert.Equal(string.Empty, (string?)report["htmlSha256"]);
    }

    [Fact]
    public async Task The_caller_s_token_and_the_gateway_s_grant_are_passed_on_and_forged_x_sg_headers_are_not()
    {
        using var response = await fixture.PostJsonAsync(
            JsonFacadeFixture.EchoPath + "Echo", "{\"text\": \"hello\"}", Analyst, target: "camden-csc-north",
            headers: [("x-sg-user-id", "mallory"), ("x-sg-roles", "operator")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonFacadeFixture.JsonAsync(response);
        Assert.Equal("hello", (string?)json["text"]);
        Assert.Equal("camden-shared", (string?)json["instance"]);
        // The service validates the caller's own token; forged x-sg-* headers never reach it, and the team the call
        // is for comes with the gateway's signed grant.
        var seen = json["seenHeaders"]!;
        Assert.Equal("Bearer " + Analyst, (string?)seen["authorization"]);
        Assert.Null(seen["x-sg-user-id"]);
        Assert.Null(seen["x-sg-roles"]);
        Assert.Equal("camden-csc-north", (string?)seen[IdentityHeaders.TargetOrganisation]);
        Assert.False(string.IsNullOrEmpty((string?)seen[TargetGrant.Header]));
        Assert.False((bool)json["hasDeadline"]!);
    }

    [Fact]
    public async Task A_server_stream_is_answered_as_a_json_array()
    {
        using var response = await fixture.PostJsonAsync(JsonFacadeFixture.EchoPath + "Expand", "{\"text\": \"x\", \"count\": 3}", Analyst);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await JsonFacadeFixture.JsonAsync(response)).AsArray();
        Assert.Equal([0, 1, 2], items.Select(i => (int)i!["index"]!));
        Assert.All(items, i => Assert.Equal("x", (string?)i!["text"]));
    }

    [Fact]
    public async Task A_client_stream_takes_a_json_array_of_requests_in_order()
    {
        using var response = await fixture.PostJsonAsync(JsonFacadeFixture.EchoPath + "Collect", "[{\"text\": \"a\"}, {\"text\": \"b\"}, {\"text\": \"c\"}]", Analyst);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonFacadeFixture.JsonAsync(response);
        Assert.Equal("a,b,c", (string?)json["text"]);
        Assert.Equal(3, (int)json["index"]!);
    }

    [Fact]
    public async Task A_bidirectional_stream_is_not_available_over_json()
    {
        using var response = await fixture.PostJsonAsync(JsonFacadeFixture.EchoPath + "Chat", "[]", Analyst);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await JsonFacadeFixture.JsonAsync(response);
        Assert.Equal(3, (int)json["code"]!);
        Assert.Contains("not available over JSON", (string?)json["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_the_answer_is_401_with_the_gateway_s_status()
    {
        using var response = await fixture.PostJsonAsync(JsonFacadeFixture.EchoPath + "Echo", "{}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        var json = await JsonFacadeFixture.JsonAsync(response);
        Assert.Equal((int)StatusCode.Unauthenticated, (int)json["code"]!);
        Assert.Equal("A valid bearer token is required.", (string?)json["message"]);
        Assert.Empty(json["details"]!.AsArray());
    }

    [Fact]
    public async Task The_session_cookie_is_not_accepted_by_the_api()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, JsonFacadeFixture.EchoPath + "Echo") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Cookie", "sg-session=" + Analyst);

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Another_organisation_s_rows_are_403_and_the_denial_is_audited_as_over_grpc()
    {
        var jsonUser = "json-denied-" + Guid.NewGuid().ToString("N");
        var grpcUser = "grpc-denied-" + Guid.NewGuid().ToString("N");

        using var response = await fixture.PostJsonAsync(JsonFacadeFixture.EchoPath + "Echo", "{}", TestTokens.For(jsonUser, "camden-csc", Roles.Analyst), target: "islington-csc");
        var grpc = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Gateway.Channel.UnaryCall(
            GatewayHost.Echo, new EchoRequest(), GatewayHost.As(TestTokens.For(grpcUser, "camden-csc", Roles.Analyst), target: "islington-csc")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var json = await JsonFacadeFixture.JsonAsync(response);
        Assert.Equal((int)StatusCode.PermissionDenied, (int)json["code"]!);
        Assert.Equal(grpc.Status.Detail, (string?)json["message"]);
        var row = Assert.Single(fixture.AuditRows(jsonUser));
        Assert.Equal(("camden-csc", "read", "/safeguarding.gatewaytest.v1.EchoService/Echo", "islington-csc", "denied"), row);
        Assert.Equal(Assert.Single(fixture.AuditRows(grpcUser)), row);
    }

    [Theory]
    [InlineData("{\"text\": \"a\", \"count\": }", "count", "line 1")]
    [InlineData("{\"text\": \"a\",\n \"probeId\": \"p\" \"count\": 1}", "probeId", "line 2")]
    [InlineData("{\"txet\": \"a\"}", "txet", "no field")]
    [InlineData("{\"text\": \"a\", \"count\": \"many\"}", "count", "")]
    [InlineData("{\"behaviour\": \"BEHAVIOUR_SOMETIMES\"}", "behaviour", "")]
    [InlineData("[1, 2]", "body", "JSON object")]
    public async Task Malformed_json_is_400_invalid_argument_naming_the_field(string body, string field, string description)
    {
        using var response = await fixture.PostJsonAsync(JsonFacadeFixture.EchoPath + "Echo", body, Analyst);

        var violation = await AssertBadRequestAsync(response);
        Assert.Equal(field, (string?)violation["field"]);
        Assert.Contains(description, (string?)violation["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_field_deep_in_a_request_is_named_by_its_proto_path()
    {
        const string body = "{\"organisationCode\": \"camden-csc\", \"options\": {\"purpose\": \"QA\", \"authorRoles\": [\"Chair\", 5]}}";

        using var response = await fixture.PostJsonAsync(JsonFacadeFixture.ReportingPath + "GenerateQuarterlyReport", body, Analyst);

        var violation = await AssertBadRequestAsync(response);
        Assert.Equal("options.author_roles[1]", (string?)violation["field"]);
    }

    [Fact]
    public async Task A_bad_item_of_a_client_stream_is_named_by_its_index()
    {
        using var response = await fixture.PostJsonAsync(JsonFacadeFixture.EchoPath + "Collect", "[{\"text\": \"a\"}, {\"count\": \"x\"}]", Analyst);

        var violation = await AssertBadRequestAsync(response);
        Assert.Equal("[1].count", (string?)violation["field"]);
    }

    [Fact]
    public async Task Two_members_of_one_oneof_are_refused_naming_the_message()
    {
        using var response = await fixture.PostJsonAsync(
            "/api/safeguarding.measures.v1.MeasuresService/ImportCsv", "[{\"header\": {\"mappingId\": \"m\"}}, {\"header\": {}, \"chunk\": \"YQ==\"}]", Analyst);

        var violation = await AssertBadRequestAsync(response);
        Assert.Equal("[1]", (string?)violation["field"]);
    }

    [Fact]
    public async Task A_client_stream_of_a_platform_contract_reaches_the_gateway_s_routing()
    {
        // The test registry configures no measures instance: the gateway's routing, not the facade, answers.
        using var response = await fixture.PostJsonAsync("/api/safeguarding.measures.v1.MeasuresService/ImportCsv", "[{\"chunk\": \"YQ==\"}]", Analyst);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal("No instance of this service is configured for the organisation.", (string?)(await JsonFacadeFixture.JsonAsync(response))["message"]);
    }

    [Fact]
    public async Task A_service_s_invalid_argument_is_400_with_its_details()
    {
        using var response = await fixture.PostJsonAsync(JsonFacadeFixture.ReportingPath + "ListReports", "{\"organisationCode\": \"camden-csc\", \"pageSize\": 500}", Analyst);

        var violation = await AssertBadRequestAsync(response);
        Assert.Equal("page_size", (string?)violation["field"]);
        Assert.Equal("must be at most 200", (string?)violation["description"]);
    }

    [Fact]
    public async Task A_service_s_failed_precondition_is_400_with_its_message()
    {
        using var response = await fixture.PostJsonAsync(JsonFacadeFixture.EchoPath + "Echo", "{\"behaviour\": \"BEHAVIOUR_FAIL_WITH_TRAILERS\"}", Analyst);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await JsonFacadeFixture.JsonAsync(response);
        Assert.Equal((int)StatusCode.FailedPrecondition, (int)json["code"]!);
        Assert.Equal("Not now ü.", (string?)json["message"]);
    }

    [Theory]
    [InlineData("safeguarding.gatewaytest.v1.EchoService/Shout")]
    [InlineData("safeguarding.nothing.v1.NoService/Echo")]
    public async Task An_unknown_service_or_method_is_404(string rpc)
    {
        using var response = await fixture.PostJsonAsync("/api/" + rpc, "{}", Analyst);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal((int)StatusCode.NotFound, (int)(await JsonFacadeFixture.JsonAsync(response))["code"]!);
    }

    [Fact]
    public async Task Only_post_is_allowed()
    {
        using var response = await fixture.GetAsync(JsonFacadeFixture.EchoPath + "Echo", Analyst);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Only_json_is_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, JsonFacadeFixture.EchoPath + "Echo") { Content = new StringContent("text=a", Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Analyst);

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_4_mib_is_413()
    {
        var body = "{\"text\": \"" + new string('a', (4 * 1024 * 1024) + 1) + "\"}";

        using var response = await fixture.PostJsonAsync(JsonFacadeFixture.EchoPath + "Echo", body, Analyst);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_empty_body_is_an_empty_message()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, JsonFacadeFixture.EchoPath + "Echo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Analyst);

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, (string?)(await JsonFacadeFixture.JsonAsync(response))["text"]);
    }

    [Fact]
    public async Task A_grpc_timeout_header_becomes_the_call_s_deadline()
    {
        using var response = await fixture.PostJsonAsync(JsonFacadeFixture.EchoPath + "Echo", "{}", Analyst, headers: [("grpc-timeout", "30S")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonFacadeFixture.JsonAsync(response);
        Assert.True((bool)json["hasDeadline"]!);
        Assert.NotNull(json["seenHeaders"]!["grpc-timeout"]);
    }

    [Fact]
    public async Task A_request_timeout_that_passes_is_504_deadline_exceeded()
    {
        using var response = await fixture.PostJsonAsync(
            JsonFacadeFixture.EchoPath + "Echo", "{\"behaviour\": \"BEHAVIOUR_DELAY\", \"delayMs\": 10000}", Analyst, headers: [("X-Request-Timeout", "0.3")]);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal((int)StatusCode.DeadlineExceeded, (int)(await JsonFacadeFixture.JsonAsync(response))["code"]!);
    }

    [Fact]
    public async Task A_malformed_timeout_is_400()
    {
        using var response = await fixture.PostJsonAsync(JsonFacadeFixture.EchoPath + "Echo", "{}", Analyst, headers: [("X-Request-Timeout", "soon")]);

        var violation = await AssertBadRequestAsync(response);
        Assert.Equal("X-Request-Timeout", (string?)violation["field"]);
    }

    private static async Task<JsonNode> AssertBadRequestAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await JsonFacadeFixture.JsonAsync(response);
        Assert.Equal((int)StatusCode.InvalidArgument, (int)json["code"]!);
        var detail = Assert.Single(json["details"]!.AsArray())!;
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", (string?)detail["@type"]);
        return Assert.Single(detail["fieldViolations"]!.AsArray())!;
    }
}
