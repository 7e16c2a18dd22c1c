namespace Safeguarding.Reporting.Documents;

/// <summary>
/// Survey results across a region's organisations, as the gateway answered (docs/adr/0027): per questionnaire meaning
/// (such as the annual staff survey), how many responses its closed waves count and, question by question, the
/// region's total for each choice. Totals only; a withheld one is a state with its reason, never a number.
/// </summary>
public sealed record AreaSurveys(IReadOnlyList<AreaSurveyQuestionnaire> Questionnaires, int Asked, int Answered);

/// <param name="Organisations">How many organisations' closed waves the totals count.</param>
public sealed record AreaSurveyQuestionnaire(string Title, SeriesPoint Responses, int Organisations, IReadOnlyList<AreaSurveyQuestion> Questions);

/// <param name="MultipleChoice">A respondent may pick several choices: the counts do not add up to the respondents.</param>
public sealed record AreaSurveyQuestion(string Label, bool MultipleChoice, IReadOnlyList<AreaSurveyChoice> Choices);

public sealed record AreaSurveyChoice(string Choice, SeriesPoint Count);
