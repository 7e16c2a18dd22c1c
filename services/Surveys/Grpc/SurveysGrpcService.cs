using Google.Protobuf;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Surveys.Application;
using Safeguarding.Surveys.Domain;
using Safeguarding.Surveys.Domain.Responses;
using Safeguarding.Surveys.Domain.Results;
using Safeguarding.Surveys.Domain.XlsForm;
using Safeguarding.Surveys.Persistence;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Surveys.Grpc;

/// <summary>
/// safeguarding.surveys.v1.SurveysService. Each RPC settles who acts for which organisation (a request naming
/// another organisation is PERMISSION_DENIED; a record of another organisation is NOT_FOUND), calls the application
/// layer and maps the result; SurveysErrors (through the platform interceptor) turns failures into statuses.
/// </summary>
public sealed class SurveysGrpcService(
    QuestionnaireCatalog questionnaires, WaveCommands waves, StoryCommands stories, ResultsSummaryQuery summaries, StorySharing sharing, Microsoft.Extensions.Options.IOptions<SurveysOptions> options) : SurveysService.SurveysServiceBase
{
    public const int MaxXlsxBytes = 4 * 1024 * 1024;

    public override async Task<V1.Questionnaire> ImportXlsForm(ImportXlsFormRequest request, ServerCallContext context)
    {
        var actor = Actor.From(context).RequireAdmin();
        var organisation = Organisation(actor, request.OrganisationCode);
        if (request.Xlsx.IsEmpty)
        {
            throw DomainValidationException.One("xlsx", "is required: the .xlsx file's bytes");
        }

        if (request.Xlsx.Length > MaxXlsxBytes)
        {
            throw DomainValidationException.One("xlsx", "is larger than 4 MiB");
        }

        using var stream = new MemoryStream(request.Xlsx.ToByteArray(), writable: false);
        var definition = XlsFormReader.Read(stream, new XlsFormReader.FormOverrides(
            request.QuestionnaireId.Trim(), request.Title.Trim(), (Domain.Audience)(int)request.Audience, request.AgeBand.Trim()));
        var saved = await questionnaires.SaveAsync(definition, organisation, actor.UserId, new XlsFormSettingsLocator(), context.CancellationToken);
        return QuestionnaireMapping.ToProto(saved);
    }

    public override async Task<ExportXlsFormResponse> ExportXlsForm(ExportXlsFormRequest request, ServerCallContext context)
    {
        var actor = Actor.From(context);
        var organisation = Organisation(actor, request.OrganisationCode);
        var definition = await questionnaires.GetAsync(organisation, Required("questionnaire_id", request.QuestionnaireId), request.Version, context.CancellationToken);
        return new ExportXlsFormResponse
        {
            Xlsx = ByteString.CopyFrom(XlsFormWriter.Write(definition)),
            FileName = $"{definition.QuestionnaireId}-v{definition.Version}.xlsx",
        };
    }

    public override async Task<V1.Questionnaire> SaveQuestionnaire(SaveQuestionnaireRequest request, ServerCallContext context)
    {
        var actor = Actor.From(context).RequireAdmin();
        if (request.Questionnaire is null)
        {
            throw DomainValidationException.One("questionnaire", "is required");
        }

        var organisation = Organisation(actor, request.Questionnaire.OrganisationCode, "questionnaire.organisation_code");
        var definition = QuestionnaireMapping.FromProto(request.Questionnaire);
        var saved = await questionnaires.SaveAsync(definition, organisation, actor.UserId, new QuestionnaireMapping.ApiLocator("questionnaire"), context.CancellationToken);
        return QuestionnaireMapping.ToProto(saved);
    }

    public override async Task<V1.Questionnaire> GetQuestionnaire(GetQuestionnaireRequest request, ServerCallContext context)
    {
        var actor = Actor.From(context);
        var organisation = Organisation(actor, request.OrganisationCode);
        return QuestionnaireMapping.ToProto(await questionnaires.GetAsync(organisation, Required("questionnaire_id", request.QuestionnaireId), request.Version, context.CancellationToken));
    }

    public override async Task<ListQuestionnairesResponse> ListQuestionnaires(ListQuestionnairesRequest request, ServerCallContext context)
    {
        var actor = Actor.From(context);
        var organisation = Organisation(actor, request.OrganisationCode);
        var response = new ListQuestionnairesResponse();
        response.Questionnaires.AddRange((await questionnaires.ListAsync(organisation, request.IncludeBuiltIn, context.CancellationToken)).Select(QuestionnaireMapping.ToProto));
        return response;
    }

    public override async Task<Wave> CreateWave(CreateWaveRequest request, ServerCallContext context)
    {
        var actor = Actor.From(context).RequireAdmin();
        var organisation = Organisation(actor, request.OrganisationCode);
        var view = await waves.CreateAsync(actor, organisation, new NewWave(
            request.QuestionnaireId.Trim(), request.QuestionnaireVersion, (Application.WaveKind)(int)request.Kind, request.Title,
            request.OpensAt?.ToDateTime(), request.ClosesAt?.ToDateTime(), (Application.Anonymity)(int)request.Anonymity,
            request.PeriodCode.Trim(), request.MinimumResponses), context.CancellationToken);
        return ToProto(view);
    }

    public override async Task<Wave> GetWave(GetWaveRequest request, ServerCallContext context) =>
        ToProto(await waves.GetAsync(Actor.From(context), request.WaveId, context.CancellationToken));

    public override async Task<ListWavesResponse> ListWaves(ListWavesRequest request, ServerCallContext context)
    {
        var actor = Actor.From(context);
        var response = new ListWavesResponse();
        response.Waves.AddRange((await waves.ListAsync(Organisation(actor, request.OrganisationCode), context.CancellationToken)).Select(ToProto));
        return response;
    }

    public override async Task<IssueInvitationsResponse> IssueInvitations(IssueInvitationsRequest request, ServerCallContext context)
    {
        var actor = Actor.From(context).RequireAdmin();
        var (codes, title) = await waves.IssueAsync(actor, request.WaveId, request.Count, request.FollowUpReferences, context.CancellationToken);
        var response = new IssueInvitationsResponse();
        response.Invitations.AddRange(codes.Select(c => new Invitation { Code = c, LinkPath = "/s/" + InvitationCodes.Normalise(c) }));
        if (request.Printable)
        {
            response.PrintableHtml = ByteString.CopyFrom(InvitationSheet.Html(title, codes, options.Value.PublicBaseUrl));
        }

        return response;
    }

    public override async Task<SubmitResponseResponse> SubmitResponse(SubmitResponseRequest request, ServerCallContext context)
    {
        var actor = Actor.From(context);
        var answers = request.Answers.Select(a => new SubmittedAnswer(a.Question, a.Value, [.. a.Values])).ToList();
        var (responseId, receivedOn) = await waves.SubmitAsync(
            request.Code, answers, wave => actor.Target.RequireOwner("invitation", "code", wave.OrganisationCode), context.CancellationToken);
        return new SubmitResponseResponse
        {
            ResponseId = responseId ?? string.Empty,
            ReceivedOn = Timestamps.From(receivedOn.ToDateTime(TimeOnly.MinValue)),
        };
    }

    public override async Task<Wave> CloseWave(CloseWaveRequest request, ServerCallContext context) =>
        ToProto(await waves.CloseAsync(Actor.From(context).RequireAdmin(), request.WaveId, context.CancellationToken));

    public override async Task<WaveResults> GetWaveResults(GetWaveResultsRequest request, ServerCallContext context)
    {
        var (wave, results) = await waves.ResultsAsync(Actor.From(context), request.WaveId, context.CancellationToken);
        var message = new WaveResults
        {
            WaveId = wave.WaveId,
            OrganisationCode = wave.OrganisationCode,
            ResponseRate = ToProto(results.ResponseRate),
            DisclosureControlled = results.DisclosureControlled,
        };
        message.Questions.AddRange(results.Questions.Select(ToProto));
        return message;
    }

    public override async Task<SurveyResultsSummary> GetResultsSummary(GetSurveyResultsSummaryRequest request, ServerCallContext context)
    {
        // Records nothing against the caller, so any verified caller (a region analyst's id too; ADR 0025) may ask.
        var caller = context.GetCaller();
        var target = TargetOrganisation.From(context);
        var summary = await summaries.SummariseAsync(target.Code, caller.OrganisationCode, request.PeriodCode.Trim(), context.CancellationToken);
        var message = new SurveyResultsSummary { OrganisationCode = target.Code, DisclosureControlled = summary.DisclosureControlled };
        foreach (var part in summary.Questionnaires)
        {
            var wire = new QuestionnaireResults
            {
                Meaning = part.Meaning,
                QuestionnaireId = part.QuestionnaireId,
                QuestionnaireVersion = part.Version,
                Title = part.Title,
                BuiltIn = part.BuiltIn,
                WavesCounted = part.Waves,
                ResponsesSuppressed = part.ResponsesSuppressed,
                Responses = part.Responses,
            };
            wire.Questions.AddRange(part.Results.Questions.Select(ToProto));
            message.Questionnaires.Add(wire);
        }

        return message;
    }

    private static QuestionResult ToProto(QuestionResultView q)
    {
        var question = new QuestionResult
        {
            Question = q.Question,
            Label = q.Label,
            MeasureId = q.MeasureId,
            Positive = q.Positive is null ? null : ToProto(q.Positive),
            AnsweredSuppressed = q.AnsweredSuppressed,
            Answered = q.Answered,
            MultipleChoice = q.MultipleChoice,
        };
        question.Choices.AddRange(q.Choices.Select(c => new ChoiceCount { Choice = c.Choice, Label = c.Label, Suppressed = c.Suppressed, Count = c.Count }));
        return question;
    }

    public override async Task<ListUnansweredResponse> ListUnanswered(ListUnansweredRequest request, ServerCallContext context)
    {
        var actor = Actor.From(context).RequireAdmin();
        var response = new ListUnansweredResponse();
        response.FollowUpReferences.AddRange(await waves.UnansweredAsync(actor, request.WaveId, request.FollowUpReferences, context.CancellationToken));
        return response;
    }

    public override async Task<ExportResponsesResponse> ExportResponses(ExportResponsesRequest request, ServerCallContext context)
    {
        var actor = Actor.From(context).RequireAdmin();
        if (request.Format == ExportFormat.Unspecified || !System.Enum.IsDefined(request.Format))
        {
            throw DomainValidationException.One("format", "is required: csv or json");
        }

        var (content, fileName, contentType, count) = await waves.ExportAsync(actor, request.WaveId, request.Format == ExportFormat.Json, context.CancellationToken);
        return new ExportResponsesResponse { Content = ByteString.CopyFrom(content), FileName = fileName, ContentType = contentType, Responses = count };
    }

    public override async Task<Story> SubmitStory(SubmitStoryRequest request, ServerCallContext context)
    {
        var actor = Actor.From(context).RequireAdmin();
        var organisation = Organisation(actor, request.OrganisationCode);
        var row = await stories.SubmitAsync(actor, organisation, new NewStory(
            request.WaveId.Trim(), request.Text, (Application.QuoteConsent)(int)request.Consent, (Application.StoryRole)(int)request.Role,
            request.AgeBand.Trim(), request.ContentAreaId), context.CancellationToken);
        return ToProto(row);
    }

    public override async Task<Story> ReviewStory(ReviewStoryRequest request, ServerCallContext context)
    {
        var actor = Actor.From(context).RequireAdmin();
        var row = await stories.ReviewAsync(actor, request.StoryId, (Application.ReviewDecision)(int)request.Decision, request.RedactedText, request.Note, context.CancellationToken);
        return ToProto(row);
    }

    public override async Task<ListStoriesResponse> ListStories(ListStoriesRequest request, ServerCallContext context)
    {
        var actor = Actor.From(context);
        var organisation = Organisation(actor, request.OrganisationCode);
        // Until a second person has approved it, a story's text is for the survey admins who review it.
        var state = (Application.StoryState)(int)request.State;
        var isAdmin = actor.Roles.Contains(Actor.SurveyAdmin) || actor.Target.IsUnrestricted;
        if (!isAdmin && state != Application.StoryState.Published)
        {
            state = Application.StoryState.Published;
        }

        var response = new ListStoriesResponse();
        response.Stories.AddRange((await stories.ListAsync(organisation, state, context.CancellationToken)).Select(ToProto));
        return response;
    }

    public override async Task<Story> ShareStoryWithRegion(ShareStoryWithRegionRequest request, ServerCallContext context)
    {
        var actor = Actor.From(context).RequireAdmin();
        return ToProto(await sharing.ShareAsync(actor, request.StoryId, request.Shared, context.CancellationToken));
    }

    /// <summary>What the region may quote: any caller granted this organisation (the gateway's fan-out for its board).</summary>
    public override async Task<ListSharedStoriesResponse> ListSharedStories(ListSharedStoriesRequest request, ServerCallContext context)
    {
        // Nothing of the caller is stored or shown here, so a subject that had to be pseudonymised (the region's
        // own user ids can look like personal details to the check) may read: only the gateway's grant matters.
        var organisation = Organisation(Safeguarding.Platform.Grpc.TargetOrganisation.From(context), request.OrganisationCode);
        var response = new ListSharedStoriesResponse();
        response.Stories.AddRange((await sharing.ListSharedAsync(organisation, context.CancellationToken)).Select(row => new SharedStory
        {
            OrganisationCode = row.OrganisationCode,
            Text = row.PublishedText ?? row.Text,
            Attribution = StoryCommands.Attribution(Enum.Parse<Application.StoryRole>(row.Role), row.AgeBand),
            Role = (V1.StoryRole)(int)Enum.Parse<Application.StoryRole>(row.Role),
            AgeBand = row.AgeBand,
            Consent = (V1.QuoteConsent)(int)Enum.Parse<Application.QuoteConsent>(row.Consent),
            ContentAreaId = row.ContentAreaId,
            SharedAt = Timestamps.From(row.SharedWithRegionAt),
        }));
        return response;
    }

    /// <summary>The organisation a request is for: the one it names (which must be the call's target) or the target.</summary>
    private static string Organisation(Actor actor, string requested, string field = "organisation_code") => Organisation(actor.Target, requested, field);

    private static string Organisation(Safeguarding.Platform.Grpc.TargetOrganisation target, string requested, string field = "organisation_code")
    {
        target.Require(field, requested);
        return string.IsNullOrWhiteSpace(requested) || !target.IsUnrestricted ? target.Code : requested.Trim();
    }

    private static string Required(string field, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw DomainValidationException.One(field, "is required") : value.Trim();

    private static Wave ToProto(WaveView view)
    {
        var row = view.Row;
        return new Wave
        {
            WaveId = row.WaveId,
            OrganisationCode = row.OrganisationCode,
            QuestionnaireId = row.QuestionnaireId,
            QuestionnaireVersion = row.QuestionnaireVersion,
            Kind = (V1.WaveKind)(int)Enum.Parse<Application.WaveKind>(row.Kind),
            Title = row.Title,
            OpensAt = Timestamps.From(row.OpensAt),
            ClosesAt = Timestamps.From(row.ClosesAt),
            Anonymity = (V1.Anonymity)(int)Enum.Parse<Application.Anonymity>(row.Anonymity),
            PeriodCode = row.PeriodCode,
            MinimumResponses = row.MinimumResponses,
            State = view.IsClosed ? WaveState.Closed : view.IsOpen ? WaveState.Open : WaveState.Scheduled,
            ClosedAt = Timestamps.From(row.ClosedAt),
            InvitationsIssued = view.Invitations,
            Responses = view.Responses,
        };
    }

    private static Proportion ToProto(ProportionResult p) => new()
    {
        Suppressed = p.Suppressed,
        SuppressionReason = p.Reason,
        Numerator = p.Numerator,
        Denominator = p.Denominator,
        Value = p.Value,
        Lower = p.Lower,
        Upper = p.Upper,
    };

    private static Story ToProto(StoryRow row) => new()
    {
        StoryId = row.StoryId,
        OrganisationCode = row.OrganisationCode,
        WaveId = row.WaveId ?? string.Empty,
        Text = row.PublishedText ?? row.Text,
        Consent = (V1.QuoteConsent)(int)Enum.Parse<Application.QuoteConsent>(row.Consent),
        Role = (V1.StoryRole)(int)Enum.Parse<Application.StoryRole>(row.Role),
        AgeBand = row.AgeBand,
        Attribution = StoryCommands.Attribution(Enum.Parse<Application.StoryRole>(row.Role), row.AgeBand),
        State = (V1.StoryState)(int)Enum.Parse<Application.StoryState>(row.State),
        ContentAreaId = row.ContentAreaId,
        SubmittedBy = row.SubmittedBy,
        ReviewedBy = row.ReviewedBy ?? string.Empty,
        SubmittedAt = Timestamps.From(row.SubmittedAt),
        ReviewedAt = Timestamps.From(row.ReviewedAt),
        ReviewNote = row.ReviewNote ?? string.Empty,
        SharedWithRegion = row.SharedWithRegionAt is not null,
    };

    // After an XLSForm import the file's own cells were already checked; what the catalog adds (a built-in id)
    // is about the settings sheet's form_id.
    private sealed class XlsFormSettingsLocator : QuestionnaireRules.ILocator
    {
        public string Question(int section, int index, string part) => $"survey!{part}";

        public string Section(int section, string part) => $"survey!{part}";

        public string Questionnaire(string part) => part == "questionnaire_id" ? "settings!form_id" : $"settings!{part}";
    }
}
