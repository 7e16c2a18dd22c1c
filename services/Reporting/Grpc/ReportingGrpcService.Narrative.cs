using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Grpc;

internal sealed partial class ReportingGrpcService
{
    public Task<NarrativeEntry> CreateNarrativeEntry(CreateNarrativeEntryRequest request, ServerCallContext context) =>
        narrative.CreateAsync(request.Entry, Caller.From(context), context.CancellationToken);

    public Task<NarrativeEntry> GetNarrativeEntry(GetNarrativeEntryRequest request, ServerCallContext context)
    {
        Caller.From(context);
        return narrative.GetAsync(request.Id, context.CancellationToken);
    }

    public Task<NarrativeEntry> UpdateNarrativeEntry(UpdateNarrativeEntryRequest request, ServerCallContext context) =>
        narrative.UpdateAsync(request.Entry, Caller.From(context), context.CancellationToken);

    public async Task<DeleteNarrativeEntryResponse> DeleteNarrativeEntry(DeleteNarrativeEntryRequest request, ServerCallContext context)
    {
        Caller.From(context);
        await narrative.DeleteAsync(request.Id, request.Etag, context.CancellationToken);
        return new DeleteNarrativeEntryResponse();
    }

    public Task<ListNarrativeEntriesResponse> ListNarrativeEntries(ListNarrativeEntriesRequest request, ServerCallContext context)
    {
        Caller.From(context);
        return narrative.ListAsync(request, context.CancellationToken);
    }

    public Task<ReportingProfile> SetReportingProfile(SetReportingProfileRequest request, ServerCallContext context) =>
        profiles.SetAsync(request.Profile, Caller.From(context), context.CancellationToken);

    public Task<ReportingProfile> GetReportingProfile(GetReportingProfileRequest request, ServerCallContext context)
    {
        Caller.From(context);
        return profiles.GetAsync(request.OrganisationCode, context.CancellationToken);
    }
}
