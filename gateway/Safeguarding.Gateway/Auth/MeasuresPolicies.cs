using Safeguarding.Measures.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Safeguarding.Gateway.Auth;

/// <summary>
/// Who may call the measures service through the gateway, RPC by RPC (the table in docs/gateway.md),
/// and who may call the gateway's own measures aggregation.
/// </summary>
public static class MeasuresPolicies
{
    public static readonly ServiceDescriptor Measures = MeasuresServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("MeasuresService");

    public static readonly ServiceDescriptor Returns = ReturnsReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ReturnsService");

    private static readonly string[] Readers = [.. Roles.DataRoles];
    private static readonly string[] ReferenceReaders = [.. Roles.DataRoles, Roles.RegionAnalyst];
    private static readonly string[] Recorders = [Roles.Analyst, Roles.Auditor, Roles.SurveyAdmin];

    public static RpcPolicySet Create() => new("measures",
    [
        // Reference data: the library, the organisations, frameworks and definitions name no one.
        RpcPolicy.For(Measures, "GetFrameworkLibrary", DataAccess.Reference, ReferenceReaders),
        RpcPolicy.For(Measures, "ListOrganisations", DataAccess.Reference, ReferenceReaders),
        RpcPolicy.For(Measures, "ListContentAreas", DataAccess.Reference, ReferenceReaders),
        RpcPolicy.For(Measures, "GetMeasure", DataAccess.Reference, ReferenceReaders),
        RpcPolicy.For(Measures, "ListMeasures", DataAccess.Reference, ReferenceReaders),
        // Import mappings: documents of column names and measure definitions that name no one (as definitions are
        // reference data); the service answers an organisation's uploaded ones only for that organisation.
        RpcPolicy.For(Measures, "ListImportMappings", DataAccess.Reference, ReferenceReaders),
        RpcPolicy.For(Measures, "GetImportMapping", DataAccess.Reference, ReferenceReaders),

        // An organisation's framework and definitions: changed by its analysts (QA leads) only.
        RpcPolicy.For(Measures, "AdoptContentArea", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(Measures, "AddContentArea", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(Measures, "UpdateContentArea", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(Measures, "RetireContentArea", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(Measures, "DefineMeasure", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(Measures, "ReviseMeasure", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(Measures, "RetireMeasure", DataAccess.RowWrite, Roles.Analyst),

        // Observations: recorded by analysts, and by auditors and survey admins whose results feed measures.
        RpcPolicy.For(Measures, "RecordObservation", DataAccess.RowWrite, Recorders),
        RpcPolicy.For(Measures, "CorrectObservation", DataAccess.RowWrite, Recorders),
        // Published reference figures (England, regions, local authorities): any partnership or agency imports and
        // reads them for itself (the service takes and names only those besides the caller's own), and a region's
        // analysts for the region, which holds nothing else.
        RpcPolicy.For(Measures, "ImportCsv", DataAccess.RowWrite, Roles.Analyst).WithPublishedFiguresFor(Roles.Analyst, Roles.RegionAnalyst),
        RpcPolicy.For(Measures, "UploadImportMapping", DataAccess.RowWrite, Roles.Analyst),

        // An organisation's own figures, unsuppressed: row-level, inside the organisation only.
        RpcPolicy.For(Measures, "ListObservations", DataAccess.RowRead, Readers).WithPublishedFiguresFor(ReferenceReaders),
        RpcPolicy.For(Measures, "GetSeries", DataAccess.RowRead, Readers).WithPublishedFiguresFor(ReferenceReaders),
        RpcPolicy.For(Measures, "AggregateMeasure", DataAccess.RowRead, Readers),
        RpcPolicy.For(Measures, "GetBalanceOfInformation", DataAccess.RowRead, Readers),

        // Returns (docs/adr/0018-returns-approval-and-visibility.md): the call's target is the return's organisation (or
        // the partnership whose instance holds it), and the service checks each step against the caller's own
        // organisation from the token: an organisation submits its own; the partnership above waives, approves and
        // validates; the region accepts; reopening from the organisation up. So the steps taken from above are not
        // row writes of the caller's own organisation, and the gateway lets them name any organisation of the region.
        RpcPolicy.For(Returns, "ListDatasets", DataAccess.Reference, ReferenceReaders),
        RpcPolicy.For(Returns, "ListReturns", DataAccess.Reference, ReferenceReaders),
        RpcPolicy.For(Returns, "SubmitReturn", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(Returns, "WaiveReturn", DataAccess.Reference, Roles.Analyst),
        RpcPolicy.For(Returns, "ApproveReturns", DataAccess.Reference, Roles.Analyst),
        RpcPolicy.For(Returns, "AcceptReturns", DataAccess.Reference, Roles.RegionAnalyst),
        RpcPolicy.For(Returns, "ReopenReturn", DataAccess.Reference, Roles.Analyst, Roles.RegionAnalyst),
        RpcPolicy.For(Returns, "ValidateReturn", DataAccess.Reference, Roles.Analyst),
        RpcPolicy.For(Returns, "ResolveViolation", DataAccess.Reference, Roles.Analyst),
        RpcPolicy.For(Returns, "ListViolations", DataAccess.Reference, Readers),

        // Across organisations: the gateway's aggregation, disclosure-controlled.
        RpcPolicy.For(Safeguarding.Gateway.V1.MeasuresAggregation.Descriptor, "GetMeasureAcrossOrganisations", DataAccess.Aggregate, ReferenceReaders),
        RpcPolicy.For(Safeguarding.Gateway.V1.MeasuresAggregation.Descriptor, "CompareWithPeers", DataAccess.Aggregate, ReferenceReaders),
    ]);
}
