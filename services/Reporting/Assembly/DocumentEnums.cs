using Safeguarding.Reporting.Documents;
using Api = Safeguarding.Reporting.V1;
using M = Safeguarding.Measures.V1;

namespace Safeguarding.Reporting.Assembly;

/// <summary>Maps contract enums (measures events, reporting API) onto the document's vocabulary.</summary>
internal static class DocumentEnums
{
    public static MeasureType Type(M.InformationType type) => type switch
    {
        M.InformationType.Outcome => MeasureType.Outcome,
        M.InformationType.Quality => MeasureType.Quality,
        _ => MeasureType.Quantity,
    };

    /// <summary>
    /// The framework has four sources; published statistics and inspections by others (EXTERNAL) are
    /// counted with "other organisational systems", the nearest of the four.
    /// </summary>
    public static EvidenceSource Source(M.Source source) => source switch
    {
        M.Source.ChildrenParentsCarers => EvidenceSource.ChildrenAndFamilies,
        M.Source.FrontlineStaff => EvidenceSource.FrontlineStaff,
        M.Source.CaseRecords => EvidenceSource.CaseRecords,
        _ => EvidenceSource.OrganisationalSystems,
    };

    public static MeasureUnit Unit(M.MeasureUnit unit) => unit switch
    {
        M.MeasureUnit.Percentage => MeasureUnit.Percentage,
        M.MeasureUnit.Ratio => MeasureUnit.Ratio,
        M.MeasureUnit.RatePer10000 => MeasureUnit.RatePer10000,
        _ => MeasureUnit.Count,
    };

    public static Polarity Polarity(M.Polarity polarity) => polarity switch
    {
        M.Polarity.HigherBetter => Documents.Polarity.HigherIsBetter,
        M.Polarity.LowerBetter => Documents.Polarity.LowerIsBetter,
        _ => Documents.Polarity.Neither,
    };

    public static ContentAreaGroup Group(string group) => group switch
    {
        "organisational" => ContentAreaGroup.OrganisationalAndPractitioner,
        "wider_picture" => ContentAreaGroup.WiderPicture,
        _ => ContentAreaGroup.Practice,
    };

    public static GoodStatementType? Statement(M.InformationType type) => type switch
    {
        M.InformationType.Outcome => GoodStatementType.Outcome,
        M.InformationType.Quality => GoodStatementType.Quality,
        _ => null,
    };

    public static VoiceSource Voice(Api.VoiceSource source) => source switch
    {
        Api.VoiceSource.Child => VoiceSource.Child,
        Api.VoiceSource.ParentOrCarer => VoiceSource.ParentOrCarer,
        Api.VoiceSource.FrontlineStaff => VoiceSource.FrontlineStaff,
        _ => VoiceSource.PartnerProfessional,
    };

    public static ActionStatus Status(Api.ActionStatus status) => status switch
    {
        Api.ActionStatus.InProgress => ActionStatus.InProgress,
        Api.ActionStatus.Delayed => ActionStatus.Delayed,
        Api.ActionStatus.Completed => ActionStatus.Completed,
        _ => ActionStatus.NotStarted,
    };

    public static PriorityKind Priority(Api.PriorityKind kind) =>
        kind == Api.PriorityKind.AssuranceArea ? PriorityKind.AssuranceArea : PriorityKind.ThemedPriorityArea;

    public static OrganisationKind Organisation(Api.OrganisationKind kind) => kind switch
    {
        Api.OrganisationKind.Partnership => OrganisationKind.Partnership,
        Api.OrganisationKind.Region => OrganisationKind.Region,
        _ => OrganisationKind.Agency,
    };

    public static ComparatorKind Comparator(Api.OrganisationKind kind) => kind switch
    {
        Api.OrganisationKind.Partnership => ComparatorKind.Partnership,
        Api.OrganisationKind.Region => ComparatorKind.Region,
        _ => ComparatorKind.Organisation,
    };
}
