using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Grpc;

/// <summary>
/// safeguarding.reporting.v1.ReportingService. Each RPC checks the caller, hands over to the part that does
/// the work and maps the result; the partial files group the RPCs by area.
/// </summary>
internal sealed partial class ReportingGrpcService(
    NarrativeStore narrative,
    ProfileStore profiles,
    ReportGenerator generator,
    ReportStore reports,
    ReportFiles files,
    SignOffWorkflow signOff,
    ExportAudit exports,
    ReadModelRebuilder rebuilder) : ReportingService.ReportingServiceBase
{
}
