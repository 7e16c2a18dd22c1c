namespace Safeguarding.Surveys.Domain.BuiltIn;

/// <summary>
/// The built-in set, from seed 003's Module 5 measures: a child's and a parent's experience at closure and again
/// 6 and 12 months after, and the annual frontline staff survey on safeguarding, supervision and partnership
/// working. Each linked question names the framework library's measure it feeds. Every organisation may run
/// them; an organisation adapts one by exporting it as XLSForm and importing its own.
/// </summary>
public static class BuiltInQuestionnaires
{
    private static readonly ChoiceDefinition[] Agreement =
    [
        new("strongly_disagree", "Strongly disagree"),
        new("disagree", "Disagree"),
        new("neither", "Neither agree nor disagree"),
        new("agree", "Agree"),
        new("strongly_agree", "Strongly agree"),
    ];

    private static readonly ChoiceDefinition[] YesNo = [new("yes", "Yes"), new("no", "No")];

    private static readonly string[] Agreed = ["agree", "strongly_agree"];

    private static readonly Lazy<IReadOnlyList<QuestionnaireDefinition>> Set = new(Build);

    public static IReadOnlyList<QuestionnaireDefinition> All => Set.Value;

    public static QuestionnaireDefinition? Find(string id) => All.FirstOrDefault(q => q.QuestionnaireId == id);

    private static List<QuestionnaireDefinition> Build() =>
    [
        Child("child-closure", "Your time with us: what you think", "when we worked with you"),
        Child("child-6-months", "Six months on: how things are for you", "since we stopped working with you"),
        Child("child-12-months", "A year on: how things are for you", "since we stopped working with you"),
        Parent("parent-closure", "Your experience of our service", "while we worked with your family"),
        Parent("parent-6-months", "Six months on: your family's experience", "since our work with your family ended"),
        Parent("parent-12-months", "A year on: your family's experience", "since our work with your family ended"),
        Staff(),
    ];

    private static QuestionnaireDefinition Child(string id, string title, string when) => Define(id, title, Audience.Child, "11-17",
    [
        new("", "", "",
        [
            Likert("listened", $"My worker listened to me {when}.", "cp-cin-planning-measure-10"),
            Likert("felt_safer", $"I feel safer {when} than I did before.", "front-door-services-measure-10"),
            Likert("taken_seriously", "What I told people was taken seriously.", "front-door-services-measure-9"),
            YesNoQuestion("someone_to_talk_to", "Do you have someone to talk to when you are unhappy?", "looked-after-children-measure-8"),
            new QuestionDefinition { Name = "no_one_help", Kind = QuestionKind.FreeText, Label = "What would help you have someone to talk to?", Relevant = "${someone_to_talk_to} = 'no'" },
            new QuestionDefinition { Name = "better", Kind = QuestionKind.FreeText, Label = "What could we have done better? Please do not write your name or anyone else's." },
        ]),
    ]);

    private static QuestionnaireDefinition Parent(string id, string title, string when) => Define(id, title, Audience.ParentCarer, string.Empty,
    [
        new("", "", "",
        [
            Likert("treated_well", $"We were treated well by the service {when}.", "front-door-services-measure-4"),
            Likert("respect", "Staff treated me with respect.", "cp-cin-planning-measure-11"),
            Likert("helpful", "Our contact with the service was helpful.", "front-door-services-measure-11"),
            YesNoQuestion("several_agencies", "Did more than one service work with your family?"),
            Likert("agencies_together", "The services worked well together.", "partnership-working-measure-1", relevant: "${several_agencies} = 'yes'"),
            Likert("better_off", "Things are better for my children now.", "workforce-measure-7"),
            new QuestionDefinition { Name = "story", Kind = QuestionKind.FreeText, Label = "Is there anything you would like to tell us about your experience? Please leave out names." },
        ]),
    ]);

    private static QuestionnaireDefinition Staff() => Define("frontline-staff-annual", "Annual staff survey: safeguarding, supervision and partnership working", Audience.FrontlineStaff, string.Empty,
    [
        new("culture", "Working here", "",
        [
            Likert("morale_good", "My morale at work is good.", "workforce-measure-14"),
            Likert("feel_valued", "I feel valued by my organisation.", "organisational-culture-measure-7"),
            Likert("org_safe", "My organisation is a safe place to raise concerns.", "organisational-culture-measure-4"),
            Likert("concerns_heard", "Concerns I raise about children's welfare are taken seriously.", "organisational-culture-measure-9"),
        ]),
        new("supervision", "Supervision", "",
        [
            YesNoQuestion("supervised", "Do you receive safeguarding supervision?"),
            Likert("supervision_clearer", "Supervision helps me think more clearly and improve my practice.", "supervision-and-support-measure-3", relevant: "${supervised} = 'yes'"),
            Likert("confident_judgement", "I feel confident using my professional judgement in cases.", "supervision-and-support-measure-4"),
        ]),
        new("partnership", "Working with other agencies", "",
        [
            Likert("confident_challenge", "I feel confident to challenge other professionals.", "partnership-working-measure-5"),
            Likert("confident_share", "I feel confident to share information with other agencies.", "partnership-working-measure-7"),
            new QuestionDefinition { Name = "improve", Kind = QuestionKind.FreeText, Label = "What one thing would most improve how we keep children safe?" },
        ]),
    ]);

    private static QuestionnaireDefinition Define(string id, string title, Audience audience, string ageBand, IReadOnlyList<SectionDefinition> sections) => new()
    {
        QuestionnaireId = id,
        Version = 1,
        Title = title,
        Audience = audience,
        AgeBand = ageBand,
        Sections = sections,
        BuiltIn = true,
        CreatedAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    private static QuestionDefinition Likert(string name, string label, string measureId, string relevant = "") => new()
    {
        Name = name,
        Kind = QuestionKind.Likert,
        Label = label,
        Required = true,
        Relevant = relevant,
        ListName = "agreement",
        Choices = Agreement,
        MeasureId = measureId,
        PositiveChoices = Agreed,
    };

    private static QuestionDefinition YesNoQuestion(string name, string label, string measureId = "") => new()
    {
        Name = name,
        Kind = QuestionKind.YesNo,
        Label = label,
        Required = true,
        ListName = "yes_no",
        Choices = YesNo,
        MeasureId = measureId,
        PositiveChoices = measureId.Length > 0 ? ["yes"] : [],
    };
}
