using Safeguarding.Audits.Events.V1;
using Safeguarding.Evidence.V1;
using Safeguarding.Platform.Events;

namespace Safeguarding.Audits.Events;

/// <summary>The topics the audits service publishes (protos/safeguarding/audits/events/v1 and evidence/v1).</summary>
public static class AuditsTopics
{
    public const string CaseAuditCompletedName = "audits.case-audit-completed.v1";
    public const string ProgrammeClosedName = "audits.programme-closed.v1";

    /// <summary>The linked measures' figures, in the one evidence contract measures consumes.</summary>
    public const string EvidenceFiguresName = "audits.evidence-figures.v1";

    public static readonly EventTopic<CaseAuditCompleted> CaseAuditCompleted = new(CaseAuditCompletedName);
    public static readonly EventTopic<AuditProgrammeClosed> ProgrammeClosed = new(ProgrammeClosedName);
    public static readonly EventTopic<EvidenceFiguresProduced> EvidenceFigures = new(EvidenceFiguresName);
}
