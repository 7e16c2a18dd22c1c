using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.SignOff;

/// <summary>Sign-off over gRPC: draft → submitted → approved (board members) → published, and nothing else.</summary>
public sealed class SignOffTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();
    private ReportingHost _host = null!;

    public async Task InitializeAsync() => _host = await ReportingHost.StartAsync(_database);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_draft_cannot_be_approved_or_published_before_it_is_submitted()
    {
        var draft = await NewDraftAsync();

        await ExpectAsync(StatusCode.FailedPrecondition, () => _host.Client.ApproveAsync(draft.Id));
        await ExpectAsync(StatusCode.FailedPrecondition, () => _host.Client.PublishAsync(draft.Id));
        Assert.Equal(ReportStatus.Draft, (await _host.Client.GetAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task A_submitted_report_cannot_be_published_before_approval_nor_submitted_again()
    {
        var draft = await NewDraftAsync();
        await _host.Client.SubmitAsync(draft.Id);

        await ExpectAsync(StatusCode.FailedPrecondition, () => _host.Client.PublishAsync(draft.Id));
        await ExpectAsync(StatusCode.FailedPrecondition, () => _host.Client.SubmitAsync(draft.Id));
    }

    [Fact]
    public async Task Only_a_board_member_can_approve()
    {
        var draft = await NewDraftAsync();
        await _host.Client.SubmitAsync(draft.Id);

        await ExpectAsync(StatusCode.PermissionDenied, () => _host.Client.ApproveAsync(draft.Id, ReportingClient.Analyst));
        await ExpectAsync(StatusCode.PermissionDenied, () => _host.Client.ApproveAsync(draft.Id, new Identity("user-7", "board-member-ish,operator")));
        var approved = await _host.Client.ApproveAsync(draft.Id, new Identity("user-8", "analyst, board-member"));

        Assert.Equal(ReportStatus.Approved, approved.Status);
        Assert.Equal("user-8", approved.Transitions[^1].UserId);
    }

    [Fact]
    public async Task A_published_report_never_moves_again()
    {
        var draft = await NewDraftAsync();
        await _host.Client.SubmitAsync(draft.Id);
        await _host.Client.ApproveAsync(draft.Id);
        await _host.Client.PublishAsync(draft.Id, ReportingClient.Analyst);

        await ExpectAsync(StatusCode.FailedPrecondition, () => _host.Client.SubmitAsync(draft.Id));
        await ExpectAsync(StatusCode.FailedPrecondition, () => _host.Client.ApproveAsync(draft.Id));
        await ExpectAsync(StatusCode.FailedPrecondition, () => _host.Client.PublishAsync(draft.Id));
        Assert.Equal(ReportStatus.Published, (await _host.Client.GetAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task Calls_without_the_gateways_user_id_are_refused()
    {
        var draft = await NewDraftAsync();

        await ExpectAsync(StatusCode.Unauthenticated, () => _host.Client.SubmitAsync(draft.Id, ReportingClient.Anonymous));
        await ExpectAsync(StatusCode.Unauthenticated, () => _host.Client.GenerateBookAsync("org-x", "2024-04/P12M", ReportingClient.Anonymous));
    }

    [Fact]
    public async Task Unknown_and_malformed_report_ids_are_told_apart()
    {
        await ExpectAsync(StatusCode.NotFound, () => _host.Client.SubmitAsync(Guid.NewGuid().ToString()));
        var error = await ExpectAsync(StatusCode.InvalidArgument, () => _host.Client.SubmitAsync("not-an-id"));
        Assert.Equal("report_id", error.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations[0].Field);
    }

    private Task<Report> NewDraftAsync() => _host.Client.GenerateBookAsync("org-" + Guid.NewGuid().ToString("N")[..8], "2024-04/P12M");

    private static async Task<RpcException> ExpectAsync(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        return error;
    }
}
