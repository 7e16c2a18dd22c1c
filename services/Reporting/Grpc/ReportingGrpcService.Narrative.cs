using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Grpc;

internal sealed partial class ReportingGrpcService
{
    public Task<NarrativeEntry> CreateNarrativeEntry(CreateNarrativeEntryRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        TargetOrganisation.From(context)?.Require("entry.organisation_code", request.Entry?.OrganisationCode);
        return narrative.CreateAsync(request.Entry, caller, context.CancellationToken);
    }

    public Task<NarrativeEntry> GetNarrativeEntry(GetNarrativeEntryRequest request, ServerCallContext context)
    {
        Caller.From(context);
        return VisibleEntryAsync(request.Id, context);
    }

    public async Task<NarrativeEntry> UpdateNarrativeEntry(UpdateNarrativeEntryRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        if (TargetOrganisation.From(context) is { } target && request.Entry is { } entry)
        {
            target.Require("entry.organisation_code", entry.OrganisationCode);
            await VisibleEntryAsync(entry.Id, context, "entry.id");
        }

        return await narrative.UpdateAsync(request.Entry, caller, context.CancellationToken);
    }

    public async Task<DeleteNarrativeEntryResponse> DeleteNarrativeEntry(DeleteNarrativeEntryRequest request, ServerCallContext context)
    {
        Caller.From(context);
        if (TargetOrganisation.From(context) is not null)
        {
            await VisibleEntryAsync(request.Id, context);
        }

        await narrative.DeleteAsync(request.Id, request.Etag, context.CancellationToken);
        return new DeleteNarrativeEntryResponse();
    }

    public Task<ListNarrativeEntriesResponse> ListNarrativeEntries(ListNarrativeEntriesRequest request, ServerCallContext context)
    {
        Caller.From(context);
        TargetOrganisation.From(context)?.Require("organisation_code", request.OrganisationCode);
        return narrative.ListAsync(request, context.CancellationToken);
    }

    public async Task<ReportingProfile> SetReportingProfile(SetReportingProfileRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        await RequireProfileForTargetAsync(request.Profile, context);
        return await profiles.SetAsync(request.Profile, caller, context.CancellationToken);
    }

    public Task<ReportingProfile> GetReportingProfile(GetReportingProfileRequest request, ServerCallContext context)
    {
        Caller.From(context);
        TargetOrganisation.From(context)?.Require("organisation_code", request.OrganisationCode);
        return profiles.GetAsync(request.OrganisationCode, context.CancellationToken);
    }
}
