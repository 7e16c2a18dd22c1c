using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Narrative;

/// <summary>Validates a narrative entry at the edge; every problem names its field (e.g. "entry.voice.quote").</summary>
internal static class NarrativeRules
{
    public const int MaxStoryLength = 8000;
    public const int MaxShortTextLength = 2000;

    public static PeriodSpan Validate(NarrativeEntry? entry, string prefix = "entry")
    {
        if (entry is null)
        {
            throw RpcErrors.InvalidArgument(prefix, "is required");
        }

        var problems = new List<FieldProblem>();
        TextRules.Code(problems, prefix + ".organisation_code", entry.OrganisationCode);
        TextRules.Code(problems, prefix + ".content_area_id", entry.ContentAreaId, required: false);
        TextRules.Code(problems, prefix + ".measure_id", entry.MeasureId, required: false);
        if (!PeriodSpan.TryParse(entry.PeriodCode, out var period))
        {
            problems.Add(new FieldProblem(prefix + ".period_code", "must be a period code such as 2024-10/P3M (first month, then 1, 3, 6 or 12 months)"));
        }

        switch (entry.BodyCase)
        {
            case NarrativeEntry.BodyOneofCase.Story:
                TextRules.Text(problems, prefix + ".story.text", entry.Story.Text, MaxStoryLength);
                if (entry.MeasureId.Length == 0 && entry.ContentAreaId.Length == 0)
                {
                    problems.Add(new FieldProblem(prefix + ".measure_id", "a story explains a measure or a content area: give measure_id or content_area_id"));
                }

                break;
            case NarrativeEntry.BodyOneofCase.Voice:
                ValidateVoice(problems, prefix + ".voice", entry.Voice);
                break;
            case NarrativeEntry.BodyOneofCase.HorizonNote:
                TextRules.Text(problems, prefix + ".horizon_note.text", entry.HorizonNote.Text, MaxShortTextLength);
                break;
            case NarrativeEntry.BodyOneofCase.Recommendation:
                TextRules.Text(problems, prefix + ".recommendation.text", entry.Recommendation.Text, MaxShortTextLength);
                TextRules.Text(problems, prefix + ".recommendation.addressed_to", entry.Recommendation.AddressedTo, 200, required: false);
                break;
            case NarrativeEntry.BodyOneofCase.Action:
                ValidateAction(problems, prefix + ".action", entry.Action);
                break;
            case NarrativeEntry.BodyOneofCase.Finding:
                TextRules.Text(problems, prefix + ".finding.evidence_title", entry.Finding.EvidenceTitle, 200);
                TextRules.Text(problems, prefix + ".finding.text", entry.Finding.Text, MaxStoryLength);
                break;
            default:
                problems.Add(new FieldProblem(prefix + ".body", "one of story, voice, horizon_note, recommendation, action or finding is required"));
                break;
        }

        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }

        return period;
    }

    public static NarrativeKind KindOf(NarrativeEntry entry) => entry.BodyCase switch
    {
        NarrativeEntry.BodyOneofCase.Story => NarrativeKind.Story,
        NarrativeEntry.BodyOneofCase.Voice => NarrativeKind.Voice,
        NarrativeEntry.BodyOneofCase.HorizonNote => NarrativeKind.HorizonNote,
        NarrativeEntry.BodyOneofCase.Recommendation => NarrativeKind.Recommendation,
        NarrativeEntry.BodyOneofCase.Action => NarrativeKind.Action,
        NarrativeEntry.BodyOneofCase.Finding => NarrativeKind.Finding,
        _ => NarrativeKind.Unspecified,
    };

    private static void ValidateVoice(List<FieldProblem> problems, string prefix, Voice voice)
    {
        TextRules.Text(problems, prefix + ".quote", voice.Quote, Documents.Voice.MaxQuoteLength);
        if (voice.Source == VoiceSource.Unspecified || !Enum.IsDefined(voice.Source))
        {
            problems.Add(new FieldProblem(prefix + ".source", "must be child, parent or carer, frontline staff or partner professional"));
        }

        if (!voice.ConsentRecorded)
        {
            problems.Add(new FieldProblem(prefix + ".consent_recorded", "a voice is stored only with the speaker's consent recorded"));
        }

        TextRules.Date(problems, prefix + ".consent_recorded_on", voice.ConsentRecordedOn);
        if (!voice.DeIdentified)
        {
            problems.Add(new FieldProblem(prefix + ".de_identified", "confirm that anything that could identify the speaker or anyone else was removed"));
        }
    }

    private static void ValidateAction(List<FieldProblem> problems, string prefix, ImprovementAction action)
    {
        TextRules.Text(problems, prefix + ".description", action.Description, MaxShortTextLength);
        TextRules.Text(problems, prefix + ".owner_organisation", action.OwnerOrganisation, 200);
        TextRules.Date(problems, prefix + ".due_date", action.DueDate);
        if (action.Status == ActionStatus.Unspecified || !Enum.IsDefined(action.Status))
        {
            problems.Add(new FieldProblem(prefix + ".status", "must be not started, in progress, delayed or completed"));
        }
    }
}
