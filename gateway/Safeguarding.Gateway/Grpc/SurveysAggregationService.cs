using Grpc.Core;
using Safeguarding.Gateway.Aggregation;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Registry;
using Safeguarding.Gateway.V1;
using Safeguarding.Platform.Grpc;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Gateway.Grpc;

/// <summary>safeguarding.gateway.v1.SurveysAggregation: survey results across an area, area totals only, disclosure-controlled.</summary>
public sealed class SurveysAggregationService(OrganisationRegistry registry, SurveyAreaQuery query) : SurveysAggregation.SurveysAggregationBase
{
    public const int MaxPeriodLength = 40;

    public override async Task<GetSurveyResultsAcrossOrganisationsResponse> GetSurveyResultsAcrossOrganisations(GetSurveyResultsAcrossOrganisationsRequest request, ServerCallContext context)
    {
        var snapshot = registry.Current;
        if (context.GetHttpContext().Features.Get<GatewayCall>() is not { Caller: { } caller } call)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "This call is not permitted."));
        }

        var problems = new List<FieldProblem>();
        var areaCode = request.AreaCode.Length == 0 ? snapshot.Region.Code : request.AreaCode;
        var area = snapshot.Find(areaCode);
        if (area is not { Kind: Registry.OrganisationKind.Region or Registry.OrganisationKind.Partnership })
        {
            problems.Add(new FieldProblem("area_code", "must be a partnership or the region in the registry"));
        }

        var period = request.PeriodCode.Trim();
        if (period.Length > MaxPeriodLength || period.Any(char.IsControl))
        {
            problems.Add(new FieldProblem("period_code", $"must be a period code of at most {MaxPeriodLength} characters (\"2025-26\")"));
        }

        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }

        if (!AccessControl.Decide(call.Policy, caller, area!.Code, snapshot).Allowed)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "This call is not permitted."));
        }

        var deadline = call.TryGetDeadline(context.GetHttpContext().Request, out var fromArrival) && fromArrival is { } d
            ? d
            : context.Deadline == DateTime.MaxValue ? (DateTime?)null : context.Deadline;
        var answer = await query.RunAsync(snapshot, call, area, new GetSurveyResultsSummaryRequest { PeriodCode = period }, deadline, context.CancellationToken);
        var response = new GetSurveyResultsAcrossOrganisationsResponse();
        response.Outcomes.AddRange(answer.Outcomes.Select(OutcomeWire.ToWire));
        foreach (var questionnaire in answer.Questionnaires)
        {
            var wire = new AreaQuestionnaireResults
            {
                Meaning = questionnaire.Meaning,
                QuestionnaireId = questionnaire.QuestionnaireId,
                Title = questionnaire.Title,
                ResponsesState = AuditsAggregationService.State(questionnaire.Responses),
                Responses = AuditsAggregationService.Count(questionnaire.Responses),
            };
            wire.IncludedOrganisationCodes.AddRange(questionnaire.Included);
            foreach (var question in questionnaire.Questions)
            {
                var result = new AreaQuestionResult { Question = question.Question, Label = question.Label, MultipleChoice = question.MultipleChoice };
                result.Choices.AddRange(question.Choices.Select(c => new AreaChoiceCount
                {
                    Choice = c.Choice,
                    Label = c.Label,
                    State = AuditsAggregationService.State(c.Total),
                    Count = AuditsAggregationService.Count(c.Total),
                }));
                wire.Questions.Add(result);
            }

            response.Questionnaires.Add(wire);
        }

        return response;
    }
}
