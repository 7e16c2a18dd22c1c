using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Grpc;

internal sealed partial class ReportingGrpcService
{
    public override Task<NarrativeEntry> CreateNarrativeEntry(CreateNarrativeEntryRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        TargetOrganisation.From(context).Require("entry.organisation_code", request.Entry?.OrganisationCode);
        return narrative.CreateAsync(request.Entry, caller, context.CancellationToken);
    }

    public override Task<NarrativeEntry> GetNarrativeEntry(GetNarrativeEntryRequest request, ServerCallContext context)
    {
        Actor.From(context);
        return VisibleEntryAsync(request.Id, context);
    }

    public override async Task<NarrativeEntry> UpdateNarrativeEntry(UpdateNarrativeEntryRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        if (TargetOrganisation.From(context) is { } target && request.Entry is { } entry)
        {
            target.Require("entry.organisation_code", entry.OrganisationCode);
            await VisibleEntryAsync(entry.Id, context, "entry.id");
        }

        return await narrative.UpdateAsync(request.Entry, caller, context.CancellationToken);
    }

    public override async Task<DeleteNarrativeEntryResponse> DeleteNarrativeEntry(DeleteNarrativeEntryRequest request, ServerCallContext context)
    {
        Actor.From(context);
        if (TargetOrganisation.From(context) is not null)
        {
            await VisibleEntryAsync(request.Id, context);
        }

        await narrative.DeleteAsync(request.Id, request.Etag, context.CancellationToken);
        return new DeleteNarrativeEntryResponse();
    }

    public override Task<ListNarrativeEntriesResponse> ListNarrativeEntries(ListNarrativeEntriesRequest request, ServerCallContext context)
    {
        Actor.From(context);
        TargetOrganisation.From(context).Require("organisation_code", request.OrganisationCode);
        return narrative.ListAsync(request, context.CancellationToken);
    }

    public override async Task<ReportingProfile> SetReportingProfile(SetReportingProfileRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        await RequireProfileForTargetAsync(request.Profile, context);
        return await profiles.SetAsync(request.Profile, caller, context.CancellationToken);
    }

    public override Task<ReportingProfile> GetReportingProfile(GetReportingProfileRequest request, ServerCallContext context)
    {
        Actor.From(context);
        TargetOrganisation.From(context).Require("organisation_code", request.OrganisationCode);
        return profiles.GetAsync(request.OrganisationCode, context.CancellationToken);
    }
}
