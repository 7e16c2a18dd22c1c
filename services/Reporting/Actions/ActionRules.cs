using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Actions;

/// <summary>Validates an action at the edge; every problem names its field ("action.due_on").</summary>
internal static class ActionRules
{
    public const int MaxTextLength = NarrativeRules.MaxShortTextLength;

    /// <summary>The action's dates, once every field is valid; INVALID_ARGUMENT listing every problem otherwise.</summary>
    public static ActionDates Validate(RegisterAction? action, string prefix = "action")
    {
        if (action is null)
        {
            throw RpcErrors.InvalidArgument(prefix, "is required");
        }

        var problems = new List<FieldProblem>();
        TextRules.Code(problems, prefix + ".organisation_code", action.OrganisationCode);
        TextRules.Code(problems, prefix + ".partnership_code", action.PartnershipCode, required: false);
        TextRules.Code(problems, prefix + ".measure_id", action.MeasureId, required: false);
        TextRules.Code(problems, prefix + ".content_area_id", action.ContentAreaId, required: false);
        TextRules.Code(problems, prefix + ".source_reference", action.SourceReference, required: false);
        TextRules.Text(problems, prefix + ".description", action.Description, MaxTextLength);
        TextRules.Text(problems, prefix + ".evidence_of_completion", action.EvidenceOfCompletion, MaxTextLength,
            required: action.Status == RegisterActionStatus.Completed);
        TextRules.Text(problems, prefix + ".evidence_of_impact", action.EvidenceOfImpact, MaxTextLength, required: false);
        if (action.Source == RegisterActionSource.Unspecified || !Enum.IsDefined(action.Source))
        {
            problems.Add(new FieldProblem(prefix + ".source", "must be case review, audit finding, report recommendation, Turning the Curve or other"));
        }

        if (action.Status == RegisterActionStatus.Unspecified || !Enum.IsDefined(action.Status))
        {
            problems.Add(new FieldProblem(prefix + ".status", "must be not started, in progress, delayed, completed or dropped"));
        }

        var agreed = TextRules.Date(problems, prefix + ".agreed_on", action.AgreedOn);
        var due = TextRules.Date(problems, prefix + ".due_on", action.DueOn);
        var completed = TextRules.Date(problems, prefix + ".completed_on", action.CompletedOn, required: action.Status == RegisterActionStatus.Completed);
        if (agreed is { } a && due is { } d && d < a)
        {
            problems.Add(new FieldProblem(prefix + ".due_on", "must not be before agreed_on"));
        }

        if (agreed is { } a2 && completed is { } c && c < a2)
        {
            problems.Add(new FieldProblem(prefix + ".completed_on", "must not be before agreed_on"));
        }

        if (completed is not null && action.Status != RegisterActionStatus.Completed)
        {
            problems.Add(new FieldProblem(prefix + ".completed_on", "is given only for a completed action"));
        }

        return problems.Count > 0 ? throw RpcErrors.InvalidArgument(problems) : new ActionDates(agreed!.Value, due!.Value, completed);
    }
}

internal readonly record struct ActionDates(DateOnly AgreedOn, DateOnly DueOn, DateOnly? CompletedOn);
