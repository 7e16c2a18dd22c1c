using Safeguarding.Surveys.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Safeguarding.Gateway.Auth;

/// <summary>
/// Who may call the surveys service through the gateway, RPC by RPC (docs/surveys.md). Survey admins run
/// questionnaires, waves and stories; an organisation's people read its waves, results and published stories.
/// Respondents never use this API: they answer on the surveys service's own pages (/s/{code}), where the one-time
/// code is the key.
/// </summary>
public static class SurveysPolicies
{
    public static readonly ServiceDescriptor Surveys = SurveysServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("SurveysService");

    private static readonly string[] Readers = [.. Roles.DataRoles];
    private static readonly string[] AreaReaders = [.. Roles.DataRoles, Roles.RegionAnalyst];

    public static RpcPolicySet Create() => new("surveys",
    [
        // Questionnaires: the built-in set names no one; an organisation's own are read inside it.
        RpcPolicy.For(Surveys, "ListQuestionnaires", DataAccess.RowRead, Readers),
        RpcPolicy.For(Surveys, "GetQuestionnaire", DataAccess.RowRead, Readers),
        RpcPolicy.For(Surveys, "ExportXlsForm", DataAccess.Export, Readers),
        RpcPolicy.For(Surveys, "ImportXlsForm", DataAccess.RowWrite, Roles.SurveyAdmin),
        RpcPolicy.For(Surveys, "SaveQuestionnaire", DataAccess.RowWrite, Roles.SurveyAdmin),

        // Waves: run by survey admins; paper responses entered by them with the printed code.
        RpcPolicy.For(Surveys, "CreateWave", DataAccess.RowWrite, Roles.SurveyAdmin),
        RpcPolicy.For(Surveys, "IssueInvitations", DataAccess.RowWrite, Roles.SurveyAdmin),
        RpcPolicy.For(Surveys, "SubmitResponse", DataAccess.RowWrite, Roles.SurveyAdmin),
        RpcPolicy.For(Surveys, "CloseWave", DataAccess.RowWrite, Roles.SurveyAdmin),
        RpcPolicy.For(Surveys, "GetWave", DataAccess.RowRead, Readers),
        RpcPolicy.For(Surveys, "ListWaves", DataAccess.RowRead, Readers),
        // Aggregates only; the service suppresses small numbers for a caller outside the wave's organisation.
        RpcPolicy.For(Surveys, "GetWaveResults", DataAccess.RowRead, Readers),
        RpcPolicy.For(Surveys, "GetResultsSummary", DataAccess.RowRead, Readers),

        // Results across an area: area totals only, disclosure-controlled by the gateway (never forwarded).
        RpcPolicy.For(Safeguarding.Gateway.V1.SurveysAggregation.Descriptor, "GetSurveyResultsAcrossOrganisations", DataAccess.Aggregate, AreaReaders),
        RpcPolicy.For(Surveys, "ListUnanswered", DataAccess.RowRead, Roles.SurveyAdmin),
        RpcPolicy.For(Surveys, "ExportResponses", DataAccess.Export, Roles.SurveyAdmin),

        // Voices: recorded and reviewed (by a second person) by survey admins.
        RpcPolicy.For(Surveys, "SubmitStory", DataAccess.RowWrite, Roles.SurveyAdmin),
        RpcPolicy.For(Surveys, "ReviewStory", DataAccess.RowWrite, Roles.SurveyAdmin),
        RpcPolicy.For(Surveys, "ListStories", DataAccess.RowRead, Readers),
        // Sharing an approved story with the region's board is the organisation's decision; the board reads the shared
        // ones through the gateway's VoicesAggregation, inside the organisation they are read as its own rows.
        RpcPolicy.For(Surveys, "ShareStoryWithRegion", DataAccess.RowWrite, Roles.SurveyAdmin),
        RpcPolicy.For(Surveys, "ListSharedStories", DataAccess.RowRead, Readers),
        // The region's board and analysts read what the partnerships shared (the gateway answers it; never forwarded).
        RpcPolicy.For(Safeguarding.Gateway.V1.VoicesAggregation.Descriptor, "ListRegionVoices", DataAccess.Aggregate, Roles.RegionAnalyst, Roles.BoardMember),
    ]);
}
