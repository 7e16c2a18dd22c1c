using Safeguarding.Gateway.V1;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Region;

/// <summary>The gateway's survey results across an area as report data: choices by their labels, totals as points.</summary>
internal static class AreaSurveyResults
{
    /// <param name="answered">Organisations that answered; asked are those with a surveys instance (the rest run none).</param>
    public static AreaSurveys From(GetSurveyResultsAcrossOrganisationsResponse answer, int answered) => new(
        [
            .. answer.Questionnaires.Select(q => new AreaSurveyQuestionnaire(
                q.Title,
                AreaFigures.Point("Responses counted", q.ResponsesState, q.Responses),
                q.IncludedOrganisationCodes.Count,
                [
                    .. q.Questions.Select(question => new AreaSurveyQuestion(
                        question.Label,
                        question.MultipleChoice,
                        [.. question.Choices.Select(c => new AreaSurveyChoice(c.Label, AreaFigures.Point(c.Label, c.State, c.Count)))])),
                ])),
        ],
        answer.Outcomes.Count(o => o.Status != OrganisationStatus.NoInstance),
        answered);
}
