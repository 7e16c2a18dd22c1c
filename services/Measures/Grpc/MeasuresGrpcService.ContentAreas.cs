using Safeguarding.Measures.Application;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Grpc.Mapping;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Grpc;

public sealed partial class MeasuresGrpcService
{
    public override async Task<ListContentAreasResponse> ListContentAreas(ListContentAreasRequest request, ServerCallContext context)
    {
        TargetOrganisation.From(context).Require("organisation_code", request.OrganisationCode);
        var problems = new ValidationProblems();
        RequireText(request.OrganisationCode, "organisation_code", problems);
        var filters = $"{request.OrganisationCode}|{request.IncludeRetired}";
        var page = PageTokens.Read(request.PageSize, request.PageToken, filters, problems);
        MeasuresErrors.ThrowIfAny(problems);
        var found = await contentAreas.ListAsync(request.OrganisationCode, request.IncludeRetired, page, context.CancellationToken);
        var response = new ListContentAreasResponse { NextPageToken = PageTokens.Write(found.NextCursor, filters) };
        response.ContentAreas.AddRange(found.Items.Select(ContentAreaMapping.ToProto));
        return response;
    }

    public override async Task<ContentArea> AdoptContentArea(AdoptContentAreaRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        TargetOrganisation.From(context).Require("organisation_code", request.OrganisationCode);
        var problems = new ValidationProblems();
        RequireText(request.OrganisationCode, "organisation_code", problems);
        RequireText(request.LibraryContentAreaId, "library_content_area_id", problems);
        MeasuresErrors.ThrowIfAny(problems);
        return ContentAreaMapping.ToProto(await contentAreas.AdoptAsync(request.OrganisationCode, request.LibraryContentAreaId, actor, context.CancellationToken));
    }

    public override async Task<ContentArea> AddContentArea(AddContentAreaRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        var target = TargetOrganisation.From(context);
        target.Require("organisation_code", request.OrganisationCode);
        target.Require("content_area.organisation_code", request.ContentArea?.OrganisationCode);
        var problems = new ValidationProblems();
        RequireText(request.OrganisationCode, "organisation_code", problems);
        var area = ContentAreaMapping.ToDomain(request.ContentArea, request.OrganisationCode, "content_area", problems);
        MeasuresErrors.ThrowIfAny(problems);
        return ContentAreaMapping.ToProto(await contentAreas.AddAsync(area, actor, context.CancellationToken));
    }

    public override async Task<ContentArea> UpdateContentArea(UpdateContentAreaRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        var problems = new ValidationProblems();
        var organisation = request.ContentArea?.OrganisationCode ?? string.Empty;
        TargetOrganisation.From(context).Require("content_area.organisation_code", organisation);
        RequireText(organisation, "content_area.organisation_code", problems);
        var area = ContentAreaMapping.ToDomain(request.ContentArea, organisation, "content_area", problems);
        MeasuresErrors.ThrowIfAny(problems);
        return ContentAreaMapping.ToProto(await contentAreas.UpdateAsync(area, request.ContentArea!.Etag, actor, context.CancellationToken));
    }

    public override async Task<ContentArea> RetireContentArea(RetireContentAreaRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        TargetOrganisation.From(context).Require("organisation_code", request.OrganisationCode);
        var problems = new ValidationProblems();
        RequireText(request.OrganisationCode, "organisation_code", problems);
        RequireText(request.ContentAreaId, "content_area_id", problems);
        MeasuresErrors.ThrowIfAny(problems);
        return ContentAreaMapping.ToProto(await contentAreas.RetireAsync(request.OrganisationCode, request.ContentAreaId, request.Reason, actor, context.CancellationToken));
    }

    private static void RequireText(string value, string field, ValidationProblems problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(field, "is required");
        }
    }
}
