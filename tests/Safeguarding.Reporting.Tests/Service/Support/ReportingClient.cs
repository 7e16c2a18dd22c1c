using Grpc.Net.Client;
using Google.Protobuf;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Support;

/// <summary>
/// Calls safeguarding.reporting.v1.ReportingService over gRPC with a development token the service validates: a
/// platform job's (Auth:JobRole), which may name any organisation, as these tests exercise the API, not who may call it.
/// </summary>
public sealed class ReportingClient(GrpcChannel channel)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service =
        ReportingServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("ReportingService");

    public static readonly Identity Analyst = new("user-analyst-1", "analyst");
    public static readonly Identity BoardMember = new("user-board-1", "board-member");
    public static readonly Identity Operator = new("user-operator-1", "operator");
    public static readonly Identity Anonymous = new(null, null);

    public const string DevelopmentKey = "reporting-tests-development-key-0123456789abcdef";
    public const string JobRole = "platform-job";

    public Task<TResponse> CallAsync<TRequest, TResponse>(string method, TRequest request, Identity? caller = null)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        caller ??= Analyst;
        var headers = caller.UserId is null ? new Metadata()
            : DevelopmentTokens.Headers(DevelopmentKey, caller.UserId, "platform", [.. (caller.Roles ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries), JobRole]);
        var options = new CallOptions(headers: headers, deadline: DateTime.UtcNow.AddMinutes(2));
        return channel.UnaryCall(DescriptorMethods.Create<TRequest, TResponse>(Service, method), request, options).ResponseAsync;
    }

    public Task<NarrativeEntry> CreateAsync(NarrativeEntry entry, Identity? caller = null) =>
        CallAsync<CreateNarrativeEntryRequest, NarrativeEntry>("CreateNarrativeEntry", new CreateNarrativeEntryRequest { Entry = entry }, caller);

    public Task<ReportingProfile> SetProfileAsync(ReportingProfile profile) =>
        CallAsync<SetReportingProfileRequest, ReportingProfile>("SetReportingProfile", new SetReportingProfileRequest { Profile = profile });

    public async Task<Report> GenerateBookAsync(string organisation, string periodCode, Identity? caller = null) =>
        (await CallAsync<GenerateReportBookRequest, GenerateReportResponse>(
            "GenerateReportBook", new GenerateReportBookRequest { OrganisationCode = organisation, PeriodCode = periodCode }, caller)).Report;

    public async Task<Report> GenerateQuarterlyAsync(string organisation, string periodCode, QuarterlyReportOptions? options = null) =>
        (await CallAsync<GenerateQuarterlyReportRequest, GenerateReportResponse>(
            "GenerateQuarterlyReport", new GenerateQuarterlyReportRequest { OrganisationCode = organisation, PeriodCode = periodCode, Options = options })).Report;

    public Task<Report> GetAsync(string id, ReportView view = ReportView.Basic) =>
        CallAsync<GetReportRequest, Report>("GetReport", new GetReportRequest { ReportId = id, View = view });

    public Task<Report> SubmitAsync(string id, Identity? caller = null) =>
        CallAsync<SubmitReportRequest, Report>("SubmitReport", new SubmitReportRequest { ReportId = id }, caller);

    public Task<Report> ApproveAsync(string id, Identity? caller = null) =>
        CallAsync<ApproveReportRequest, Report>("ApproveReport", new ApproveReportRequest { ReportId = id }, caller ?? BoardMember);

    public Task<Report> PublishAsync(string id, Identity? caller = null) =>
        CallAsync<PublishReportRequest, Report>("PublishReport", new PublishReportRequest { ReportId = id }, caller ?? BoardMember);

    public Task<ReportFile> HtmlAsync(string id) =>
        CallAsync<GetReportHtmlRequest, ReportFile>("GetReportHtml", new GetReportHtmlRequest { ReportId = id });

    public Task<RebuildReadModelsResponse> RebuildAsync(Identity? caller = null) =>
        CallAsync<RebuildReadModelsRequest, RebuildReadModelsResponse>("RebuildReadModels", new RebuildReadModelsRequest(), caller ?? Operator);
}

/// <summary>The gateway's identity headers for a call (null leaves a header out).</summary>
public sealed record Identity(string? UserId, string? Roles);
