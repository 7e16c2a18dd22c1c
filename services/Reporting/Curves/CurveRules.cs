using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Curves;

/// <summary>
/// Validates a Turning the Curve record at the edge; every problem names its field ("record.partners[1].role"), and
/// all of them are reported at once. Free text goes through <see cref="TextRules"/> (no personal details).
/// </summary>
internal static class CurveRules
{
    public const int MaxStory = 4000;
    public const int MaxItem = 500;
    public const int MaxTitle = 120;
    public const int MaxEvidence = 200;
    public const int MaxItems = 20;

    /// <summary>The day the exercise was held, once every field is valid; INVALID_ARGUMENT listing every problem otherwise.</summary>
    public static DateOnly Validate(TurningTheCurve? record, DateOnly today, string prefix = "record")
    {
        if (record is null)
        {
            throw RpcErrors.InvalidArgument(prefix, "is required");
        }

        var problems = new List<FieldProblem>();
        TextRules.Code(problems, prefix + ".organisation_code", record.OrganisationCode);
        TextRules.Code(problems, prefix + ".measure_id", record.MeasureId);
        var heldOn = TextRules.Date(problems, prefix + ".held_on", record.HeldOn);
        if (heldOn > today)
        {
            problems.Add(new FieldProblem(prefix + ".held_on", "must not be in the future: record the exercise once it has been held"));
        }

        TextRules.Text(problems, prefix + ".title", record.Title, MaxTitle, required: false);
        TextRules.Text(problems, prefix + ".story", record.Story, MaxStory, required: false);
        if (record.QaActivityId.Length > 0 && !Guid.TryParse(record.QaActivityId, out _))
        {
            problems.Add(new FieldProblem(prefix + ".qa_activity_id", "must be the id of a QA timetable activity"));
        }

        Items(problems, prefix + ".forces", record.Forces, (field, force) =>
        {
            TextRules.Text(problems, field + ".text", force.Text, MaxItem);
            if (force.Direction == ForceDirection.Unspecified || !Enum.IsDefined(force.Direction))
            {
                problems.Add(new FieldProblem(field + ".direction", "must be helping or hindering"));
            }
        });
        Items(problems, prefix + ".partners", record.Partners, (field, partner) =>
        {
            if (partner.OrganisationCode.Length == 0 && string.IsNullOrWhiteSpace(partner.Role))
            {
                problems.Add(new FieldProblem(field + ".role", "is required when no organisation_code is given: name an organisation or a role, never a person"));
            }

            TextRules.Code(problems, field + ".organisation_code", partner.OrganisationCode, required: false);
            TextRules.Text(problems, field + ".role", partner.Role, MaxTitle, required: false);
            TextRules.Text(problems, field + ".contribution", partner.Contribution, MaxItem, required: false);
        });
        Items(problems, prefix + ".what_works", record.WhatWorks, (field, idea) =>
        {
            TextRules.Text(problems, field + ".text", idea.Text, MaxItem);
            TextRules.Text(problems, field + ".evidence", idea.Evidence, MaxEvidence, required: false);
            if (idea.Kind == IdeaKind.Unspecified || !Enum.IsDefined(idea.Kind))
            {
                problems.Add(new FieldProblem(field + ".kind", "must be evidence-based, low-cost or other"));
            }
        });

        return problems.Count > 0 ? throw RpcErrors.InvalidArgument(problems) : heldOn!.Value;
    }

    private static void Items<T>(List<FieldProblem> problems, string field, IReadOnlyList<T> items, Action<string, T> check)
    {
        if (items.Count > MaxItems)
        {
            problems.Add(new FieldProblem(field, $"must have at most {MaxItems} entries"));
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            check($"{field}[{i}]", items[i]);
        }
    }
}
