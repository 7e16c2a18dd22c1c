using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Safeguarding.Surveys.V1;

namespace Safeguarding.EndToEnd.Tests.Scenarios.Writes;

/// <summary>
/// The surveys service's write RPCs, each tried on the owner's records: its questionnaires, an open wave of the
/// built-in parents' closure questionnaire (its invitations and a paper response with one of its codes) and its
/// stories, recorded by a colleague so the owner's writer may review them (a second person always reviews).
/// </summary>
public static class SurveysWriteCases
{
    private const string ParentClosure = "parent-closure";

    // A complete answer to the parents' closure questionnaire.
    private static readonly (string Question, string Value)[] ParentAnswers =
        [("treated_well", "agree"), ("respect", "strongly_agree"), ("helpful", "disagree"), ("several_agencies", "no"), ("better_off", "neither")];

    public static IEnumerable<WriteCase> All(WriteCalls calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var service = SurveysService.Descriptor.FullName + "/";
        SurveysService.SurveysServiceClient Surveys() => new(calls.Platform.Channel);

        Task<Wave> Create(string owner, string title, CallOptions o) => Surveys().CreateWaveAsync(new CreateWaveRequest
        {
            OrganisationCode = owner, QuestionnaireId = ParentClosure, Kind = WaveKind.Closure, Title = title, Anonymity = Anonymity.Anonymous, PeriodCode = "2025-04/P3M",
            OpensAt = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(-1)), ClosesAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(30)),
        }, o).ResponseAsync;
        Task<Questionnaire> Save(string owner, string questionnaireId, string title, CallOptions o) =>
            Surveys().SaveQuestionnaireAsync(new SaveQuestionnaireRequest { Questionnaire = Pulse(owner, questionnaireId, title) }, o).ResponseAsync;
        Task<Story> Tell(string owner, string text, CallOptions o) => Surveys().SubmitStoryAsync(new SubmitStoryRequest
        {
            OrganisationCode = owner, Text = text, Consent = QuoteConsent.Public, Role = StoryRole.ParentCarer, ContentAreaId = "cp-cin-planning",
        }, o).ResponseAsync;
        Task<Story> Review(string storyId, CallOptions o) =>
            Surveys().ReviewStoryAsync(new ReviewStoryRequest { StoryId = storyId, Decision = ReviewDecision.Approve }, o).ResponseAsync;

        yield return new(service + "ImportXlsForm", async owner =>
        {
            // The built-in form as an XLSForm file, imported as the owner's own questionnaire.
            var form = (await Surveys().ExportXlsFormAsync(new ExportXlsFormRequest { OrganisationCode = owner, QuestionnaireId = ParentClosure }, WriteCalls.As(owner))).Xlsx;
            var id = WriteCalls.Fresh("form");
            Task<Questionnaire> Import(string title, CallOptions o) => Surveys().ImportXlsFormAsync(
                new ImportXlsFormRequest { OrganisationCode = owner, Xlsx = form, QuestionnaireId = id, Title = title, FileName = "closure.xlsx" }, o).ResponseAsync;
            await Import("Imported by its owner", WriteCalls.As(owner));
            return new([(_, o) => Import("Imported by another organisation", o)], o => Import("Imported again by its owner", o));
        });
        yield return new(service + "SaveQuestionnaire", async owner =>
        {
            var id = WriteCalls.Fresh("pulse");
            await Save(owner, id, "Saved by its owner", WriteCalls.As(owner));
            return new([(_, o) => Save(owner, id, "Saved by another organisation", o)], o => Save(owner, id, "Saved again by its owner", o));
        });
        yield return new(service + "CreateWave", owner => Task.FromResult(new WriteProbe(
            [(_, o) => Create(owner, "Opened by another organisation", o)], o => Create(owner, "Opened by its owner", o))));
        yield return new(service + "IssueInvitations", async owner =>
        {
            var theirs = await Create(owner, "Closure feedback", WriteCalls.As(owner));
            Task<IssueInvitationsResponse> Issue(CallOptions o) => Surveys().IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = theirs.WaveId, Count = 2 }, o).ResponseAsync;
            return new([(_, o) => Issue(o)], Issue);
        });
        yield return new(service + "SubmitResponse", async owner =>
        {
            var theirs = await Create(owner, "Closure feedback", WriteCalls.As(owner));
            var code = (await Surveys().IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = theirs.WaveId, Count = 1 }, WriteCalls.As(owner))).Invitations.Single().Code;
            Task<SubmitResponseResponse> Answer(CallOptions o) => Surveys().SubmitResponseAsync(new SubmitResponseRequest
            {
                Code = code, Answers = { ParentAnswers.Select(a => new Answer { Question = a.Question, Value = a.Value }) },
            }, o).ResponseAsync;
            return new([(_, o) => Answer(o)], Answer);
        });
        yield return new(service + "CloseWave", async owner =>
        {
            var theirs = await Create(owner, "Closure feedback", WriteCalls.As(owner));
            Task<Wave> Close(CallOptions o) => Surveys().CloseWaveAsync(new CloseWaveRequest { WaveId = theirs.WaveId }, o).ResponseAsync;
            return new([(_, o) => Close(o)], Close);
        });
        yield return new(service + "SubmitStory", owner => Task.FromResult(new WriteProbe(
            [(_, o) => Tell(owner, "They listened to us at every meeting.", o)], o => Tell(owner, "Our worker rang back every time.", o))));
        yield return new(service + "ReviewStory", async owner =>
        {
            var theirs = await Tell(owner, "Our worker rang back every time.", WriteCalls.AsColleague(owner));
            return new([(_, o) => Review(theirs.StoryId, o)], o => Review(theirs.StoryId, o));
        });
        yield return new(service + "ShareStoryWithRegion", async owner =>
        {
            var told = await Tell(owner, "The conference asked what we thought.", WriteCalls.AsColleague(owner));
            var theirs = await Review(told.StoryId, WriteCalls.As(owner));
            Task<Story> Share(CallOptions o) => Surveys().ShareStoryWithRegionAsync(new ShareStoryWithRegionRequest { StoryId = theirs.StoryId, Shared = true }, o).ResponseAsync;
            return new([(_, o) => Share(o)], Share);
        });
    }

    // A one-question staff pulse; the title is what each save changes.
    private static Questionnaire Pulse(string owner, string questionnaireId, string title)
    {
        var questionnaire = new Questionnaire { OrganisationCode = owner, QuestionnaireId = questionnaireId, Title = title, Audience = Audience.FrontlineStaff };
        var section = new Section();
        section.Questions.Add(new Question
        {
            Name = "supported", Kind = QuestionKind.YesNo, Label = "Do you feel supported?", ListName = "yn",
            Choices = { new Choice { Name = "yes", Label = "Yes" }, new Choice { Name = "no", Label = "No" } },
        });
        questionnaire.Sections.Add(section);
        return questionnaire;
    }
}
