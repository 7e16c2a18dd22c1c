using Safeguarding.Audits.Domain;
using Safeguarding.Audits.V1;

namespace Safeguarding.Audits.Library;

/// <summary>
/// The built-in audit tools organisations adopt and adapt (issue 13): the multi-agency child protection audit
/// of seed 002, a single-agency case-file audit, a supervision-records audit, a safe-recruitment audit and the
/// case review audit template of seed 001. Linked criteria point at the framework library's measure ids; an
/// organisation re-points them at its own measures when it adapts the tool.
/// </summary>
public static class AuditToolLibrary
{
    public const string MultiAgencyChildProtection = "multi-agency-cp";
    public const string CaseFile = "case-file";

    /// <summary>The case review audit template of seed 001, run on a case review (issue 15 item 4).</summary>
    public const string CaseReviewAudit = "case-review-audit";

    private static readonly string[] YesOverAnswered = ["YES", "PARTLY", "NO"];
    private static readonly string[] GoodOrBetter = ["OUTSTANDING", "GOOD"];

    public static IReadOnlyList<AuditTool> Tools { get; } = Build();

    public static AuditTool? Find(string toolId) => Tools.FirstOrDefault(t => t.ToolId == toolId);

    private static List<AuditTool> Build()
    {
        var tools = new List<AuditTool>
        {
            Tool(MultiAgencyChildProtection, "Multi-agency audit of child protection cases",
                "Each participating agency audits its own part of the same child protection case: section 47 decision making, the strategy meeting, the child protection conference and the quality of the plan.",
                multiAgency: true,
                Section("s47", "Section 47 decision making",
                    Yes("s47.threshold", "The decision to start section 47 enquiries was timely and proportionate to the concerns", "front-door-services"),
                    Yes("s47.information", "This agency shared what it knew about the child and family when asked", "partnership-working"),
                    Graded("s47.quality", "Quality of this agency's contribution to the enquiries")),
                Section("strategy", "Strategy meeting",
                    Yes("strategy.attended", "This agency was invited to and took part in the strategy meeting", "partnership-working"),
                    Yes("strategy.plan", "The strategy meeting recorded the planned investigation into the concerns about significant harm", "cp-cin-planning"),
                    Graded("strategy.quality", "Quality of decision making at the strategy meeting")),
                Section("conference", "Child protection conference",
                    Yes("conference.report", "This agency provided a report to conference that analysed risk", "cp-cin-planning"),
                    Yes("conference.adviser", "The CP adviser supported decision making and preparation for conference", "cp-cin-planning"),
                    Graded("conference.quality", "Effectiveness of the conference in putting together the plan")),
                Section("plan", "The child protection plan",
                    Yes("plan.agencies", "The plan is clear about what all agencies need to do to bring about safety for the child", "cp-cin-planning",
                        Link("cp-cin-planning-measure-4")),
                    Yes("plan.child_focus", "The child remained the focus of professionals' attention", "cp-cin-planning", Link("cp-cin-planning-measure-7")),
                    Yes("plan.men", "The involvement and impact of men in the child's life was addressed", "cp-cin-planning", Link("cp-cin-planning-measure-8")),
                    Graded("plan.overall", "Overall quality of this agency's practice in the case"),
                    Free("plan.learning", "Learning for this agency"))),

            Tool(CaseFile, "Single-agency case-file audit",
                "A manager audits a set number of case records each month against the practice standards.",
                multiAgency: false,
                Section("voice", "Voice of the child",
                    Yes("voice.seen", "The child was seen, and seen alone where appropriate", "cp-cin-planning"),
                    Yes("voice.recorded", "The child's wishes and feelings are recorded and inform the plan", "cp-cin-planning",
                        Link("cp-cin-planning-measure-7"))),
                Section("assessment", "Assessment quality",
                    Graded("assessment.quality", "Quality of the assessment (analysis of risk and need)", "front-door-services",
                        new MeasureLink { MeasureId = "front-door-services-measure-6", NumeratorAnswers = { GoodOrBetter }, DenominatorAnswers = { Answers.Grades } }),
                    Yes("assessment.chronology", "There is an up-to-date chronology", "cp-cin-planning", Link("cp-cin-planning-measure-12"))),
                Section("oversight", "Management oversight and supervision",
                    Yes("oversight.recorded", "Management oversight is recorded at key decision points", "supervision"),
                    Yes("oversight.supervision", "Supervision records show reflection on the child's progress", "supervision")),
                Section("men", "Impact of men and fathers",
                    Yes("men.addressed", "The involvement and impact of fathers, partners and other men is addressed", "cp-cin-planning",
                        Link("cp-cin-planning-measure-8"))),
                Section("overall", "Overall",
                    Graded("overall.grade", "Overall grade of practice in the case"),
                    Free("overall.comment", "What would make the biggest difference for this child"))),

            Tool("supervision-records", "Supervision records audit",
                "Audits a sample of supervision records against the supervision policy.",
                multiAgency: false,
                Section("supervision", "Supervision",
                    Yes("supervision.frequency", "Supervision took place at the frequency the policy requires", "supervision"),
                    Yes("supervision.reflective", "Supervision was reflective and challenged drift", "supervision"),
                    Yes("supervision.actions", "Actions from the previous session were followed up", "supervision"),
                    Graded("supervision.quality", "Overall quality of supervision", "supervision"))),

            Tool("safe-recruitment", "Safe recruitment audit",
                "Audits a sample of personnel files for safe-recruitment checks.",
                multiAgency: false,
                Section("checks", "Pre-employment checks",
                    Yes("checks.dbs", "An enhanced DBS check was completed before starting", "workforce"),
                    Yes("checks.references", "Two references were taken up and verified", "workforce"),
                    Yes("checks.gaps", "Gaps in employment history were explored", "workforce"),
                    Yes("checks.interview", "The interview panel included a trained safer-recruitment member", "workforce"))),

            Tool(CaseReviewAudit, "Case review audit template",
                "The case review audit template: agencies audit their involvement with the child and family before a review panel.",
                multiAgency: true,
                Section("involvement", "Agency involvement",
                    Number("involvement.contacts", "Number of contacts with the child or family in the period reviewed"),
                    Yes("involvement.risk", "Risks to the child were identified and acted on", "partnership-working"),
                    Yes("involvement.escalation", "Concerns were escalated when the response was not sufficient", "partnership-working")),
                Section("learning", "Learning",
                    Graded("learning.practice", "Quality of this agency's practice"),
                    Free("learning.good_practice", "Good practice to share"),
                    Free("learning.improve", "What should change"))),
        };

        foreach (var tool in tools)
        {
            tool.MeaningHash = ToolRules.MeaningHash(tool);
        }

        return tools;
    }

    private static AuditTool Tool(string id, string title, string description, bool multiAgency, params Section[] sections)
    {
        var tool = new AuditTool { ToolId = id, Version = 1, Title = title, Description = description, MultiAgency = multiAgency };
        tool.Sections.AddRange(sections);
        return tool;
    }

    private static Section Section(string id, string title, params Criterion[] criteria)
    {
        var section = new Section { SectionId = id, Title = title };
        section.Criteria.AddRange(criteria);
        return section;
    }

    private static Criterion Yes(string id, string text, string area, MeasureLink? link = null) =>
        new() { CriterionId = id, Text = text, ResponseType = ResponseType.YesPartlyNo, ContentAreaId = area, MeasureLink = link };

    private static Criterion Graded(string id, string text, string area = "", MeasureLink? link = null) =>
        new()
        {
            CriterionId = id, Text = text, ResponseType = ResponseType.Graded, ContentAreaId = area, MeasureLink = link,
            Guidance = "Outstanding / Good / Requires improvement / Inadequate, as in the practice standards.",
        };

    private static Criterion Number(string id, string text) => new() { CriterionId = id, Text = text, ResponseType = ResponseType.Number };

    private static Criterion Free(string id, string text) =>
        new() { CriterionId = id, Text = text, ResponseType = ResponseType.FreeText, Optional = true, Guidance = "No names, dates of birth or other identifying details." };

    /// <summary>"% of cases audited in which …": yes over yes + partly + no.</summary>
    private static MeasureLink Link(string measureId) =>
        new() { MeasureId = measureId, NumeratorAnswers = { "YES" }, DenominatorAnswers = { YesOverAnswered } };
}
