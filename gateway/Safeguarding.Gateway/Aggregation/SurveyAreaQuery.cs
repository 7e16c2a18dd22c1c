using Grpc.Core;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Registry;
using Safeguarding.Platform.Grpc;
using Safeguarding.Surveys.V1;
using Organisation = Safeguarding.Gateway.Registry.Organisation;
using OrganisationKind = Safeguarding.Gateway.Registry.OrganisationKind;

namespace Safeguarding.Gateway.Aggregation;

public sealed record SurveyChoiceTotal(string Choice, string Label, AuditTotal Total);

public sealed record SurveyQuestionTotal(string Question, string Label, bool MultipleChoice, IReadOnlyList<SurveyChoiceTotal> Choices);

public sealed record SurveyQuestionnaireTotal(string Meaning, string QuestionnaireId, string Title, IReadOnlyList<string> Included, AuditTotal Responses, IReadOnlyList<SurveyQuestionTotal> Questions);

public sealed record SurveyAreaAnswer(IReadOnlyList<OrganisationResult> Outcomes, IReadOnlyList<SurveyQuestionnaireTotal> Questionnaires);

/// <summary>
/// Survey results across an area, as audit grades are (ADR 0025, ADR 0027): every partnership and agency of the area
/// with a surveys instance is asked for its own closed waves' summary through the fan-out engine (as the caller, with
/// a grant; outside the organisation the instance has already withheld small counts), questionnaires are matched by
/// meaning, and only area totals leave, each question one table for <see cref="AreaCountTable"/> (the answered
/// relation only where a respondent picks one choice). A total with a part withheld at source is withheld; one
/// missing an organisation that did not answer is incomplete.
/// </summary>
public sealed class SurveyAreaQuery(FanOutEngine fanOut, UpstreamChannels channels, AuthOptions auth)
{
    public const string Service = "surveys";

    private static readonly Method<GetSurveyResultsSummaryRequest, SurveyResultsSummary> GetResultsSummary =
        DescriptorMethods.Create<GetSurveyResultsSummaryRequest, SurveyResultsSummary>(SurveysPolicies.Surveys, "GetResultsSummary");

    public async Task<SurveyAreaAnswer> RunAsync(RegistrySnapshot registry, GatewayCall call, Organisation area, GetSurveyResultsSummaryRequest request, DateTime? deadline, CancellationToken cancellationToken)
    {
        var members = registry.Descendants(area.Code, includeSelf: true).Where(o => o.Kind is OrganisationKind.Partnership or OrganisationKind.Agency).ToList();
        var asked = await AreaInstances.AskAsync(fanOut, registry, members, Service, (address, code, budget) => FetchAsync(address, call, code, request, budget), deadline, cancellationToken);
        var incomplete = asked.Incomplete;
        var viewer = call.Caller!.OrganisationCode;
        var questionnaires = asked.Answered
            .SelectMany(a => a.Value.Questionnaires.Select(q => (a.Organisation, Summary: a.Value, Questionnaire: q)))
            .GroupBy(x => x.Questionnaire.Meaning, StringComparer.Ordinal)
            .Select(g => Questionnaire(area, registry, viewer, incomplete, [.. g]))
            .OrderByDescending(q => q.Included.Count)
            .ThenBy(q => q.Title, StringComparer.Ordinal)
            .ThenBy(q => q.Meaning, StringComparer.Ordinal)
            .ToList();
        return new SurveyAreaAnswer(asked.Outcomes, questionnaires);
    }

    private static SurveyQuestionnaireTotal Questionnaire(Organisation area, RegistrySnapshot registry, string viewer, bool incomplete, List<(Organisation Organisation, SurveyResultsSummary Summary, QuestionnaireResults Questionnaire)> parts)
    {
        // One entry per organisation and meaning (the instance sums its waves); the first describes the questions.
        var first = parts[0].Questionnaire;
        var included = parts.Select(p => p.Organisation.Code).ToList();
        var known = parts.Select(p => AccessControl.CanSeeRows(registry, viewer, p.Organisation.Code)).ToList();
        var thresholds = parts.Select(p => p.Organisation.DisclosureThreshold).ToList();

        var responses = incomplete ? AuditTotal.Missing : Total(AreaCountTable.Protect(
            area.DisclosureThreshold,
            [[.. parts.Select(p => p.Questionnaire.ResponsesSuppressed ? AreaPart.WithheldAtSource(0) : new AreaPart(p.Questionnaire.Responses, Unknown: false))]],
            known,
            thresholds,
            answeredRelation: false)[0]);

        var questions = new List<SurveyQuestionTotal>();
        foreach (var question in first.Questions)
        {
            var choices = question.Choices.Select(c => c.Choice).ToList();
            var perOrganisation = parts.Select(p => AreaCountTable.Parts(choices, [Source(p.Questionnaire.Questions.FirstOrDefault(q => q.Question == question.Question))], additive: !question.MultipleChoice)).ToList();
            var cells = choices.Select((_, i) => perOrganisation.Select(o => o[i]).ToList()).ToList();
            var totals = incomplete
                ? [.. choices.Select(_ => AuditTotal.Missing)]
                : AreaCountTable.Protect(area.DisclosureThreshold, cells, known, thresholds, answeredRelation: !question.MultipleChoice).Select(Total).ToList();
            questions.Add(new SurveyQuestionTotal(question.Question, question.Label, question.MultipleChoice,
                [.. question.Choices.Select((c, i) => new SurveyChoiceTotal(c.Choice, c.Label, totals[i]))]));
        }

        return new SurveyQuestionnaireTotal(first.Meaning, first.QuestionnaireId, first.Title, included, responses, questions);
    }

    private static SourceCounts? Source(QuestionResult? question) => question is null
        ? null
        : new SourceCounts(question.AnsweredSuppressed, question.Answered, [.. question.Choices.Select(c => (c.Choice, c.Suppressed, (long)c.Count))]);

    private static AuditTotal Total((long Value, Platform.Disclosure.SuppressionReason Reason) total) => new(total.Value, total.Reason, Incomplete: false);

    private async Task<SurveyResultsSummary> FetchAsync(Uri instance, GatewayCall call, string organisation, GetSurveyResultsSummaryRequest request, CallBudget budget)
    {
        return await channels.For(instance).UnaryCall(GetResultsSummary, request, CallerCallOptions.For(call, organisation, auth, budget));
    }
}
