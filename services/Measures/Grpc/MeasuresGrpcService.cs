using Safeguarding.Measures.Application;
using Safeguarding.Measures.Application.ContentAreas;
using Safeguarding.Measures.Application.Importing;
using Safeguarding.Measures.Grpc.Mapping;
using Safeguarding.Measures.Organisations;
using Safeguarding.Measures.Persistence;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Grpc;

/// <summary>
/// safeguarding.measures.v1.MeasuresService. Each RPC reads and checks its request here (problems named
/// by request field), calls the application layer and maps the result; MeasuresErrors (through the platform interceptor) turns failures into
/// statuses. The RPCs are grouped by resource in the partial files beside this one.
/// </summary>
public sealed partial class MeasuresGrpcService(
    Library.FrameworkLibrary library,
    OrganisationRegistry organisations,
    ContentAreaCommands contentAreas,
    MeasureCommands measureCommands,
    MeasureReader measures,
    ObservationCommands observationCommands,
    ObservationReader observations,
    ComputationQueries computations,
    ImportMappingCatalog importMappings,
    UploadedMappings uploadedMappings,
    ImportRunner imports,
    Application.Returns.ReturnVisibility visibility,
    Application.Returns.FigureSignOffs signOffs) : MeasuresService.MeasuresServiceBase
{
    private static readonly Lazy<V1.FrameworkLibrary> LibraryMessage = new(() => LibraryMapping.ToProto(Library.FrameworkLibrary.LoadBuiltIn()));

    public override Task<V1.FrameworkLibrary> GetFrameworkLibrary(GetFrameworkLibraryRequest request, ServerCallContext context) =>
        Task.FromResult(ReferenceEquals(library, Library.FrameworkLibrary.LoadBuiltIn()) ? LibraryMessage.Value : LibraryMapping.ToProto(library));

    public override Task<ListOrganisationsResponse> ListOrganisations(ListOrganisationsRequest request, ServerCallContext context)
    {
        var found = request.ParentCode.Length == 0
            ? organisations.All
            : organisations.Find(request.ParentCode) is { } parent ? organisations.Descendants(parent.Code)
            : throw new ResourceNotFoundException("organisation", request.ParentCode);
        var response = new ListOrganisationsResponse();
        response.Organisations.AddRange(found.OrderBy(o => o.Code, StringComparer.Ordinal).Select(LibraryMapping.ToProto));
        return Task.FromResult(response);
    }
}
