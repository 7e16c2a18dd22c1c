using Grpc.Net.Client;
using Microsoft.Playwright;
using Safeguarding.Cli.Tests.Support;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// Journey 5, the survey admin, by keyboard: a story recorded by a colleague is reviewed with its consent to quote
/// shown; sent without a decision, then with a phone number in the note (the service's refusal on the note), then
/// approved with the reviewer's changes. Every page passes axe and fits 320 px.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SurveysBrowserTests(RunningPlatform platform) : WebJourney(platform), IClassFixture<RunningPlatform>
{
    private const string Organisation = "NB-CSC";

    [Fact]
    public async Task A_survey_admin_reviews_a_colleagues_story_with_its_consent_shown_and_approves_it_with_changes()
    {
        var recorder = await TokenAsync(Organisation, "survey-admin");
        await StoryAsync(recorder);
        var reviewer = await TokenAsync(Organisation, "survey-admin", "web-story-reviewer");

        var page = await NewPageAsync();
        await SignInAsync(page, reviewer, "surveys/stories");
        var stories = await page.Locator("main").InnerTextAsync();
        Assert.Contains("The family group conference was the first time anyone asked what we wanted, and that changed everything.", stories, StringComparison.Ordinal);
        Assert.Contains("Quoted within the partnership", stories, StringComparison.Ordinal);
        Assert.Contains("Told by a parent or carer", stories, StringComparison.Ordinal);
        await AssertGoodPageAsync(page);

        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { NameString = "Review this story" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/review");
        var reviewPage = page.Url;
        await AssertGoodPageAsync(page);

        // No decision: named in the summary, linked to the first choice.
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }));
        var refused = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await page.Locator(".govuk-error-summary a[href='#decision']").WaitForAsync();
        await AssertGoodPageAsync(page);

        // Approved with changes, a phone number in the note: the service refuses the note, the changed text is kept.
        await page.Locator("#decision-2").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, page.Locator("#redacted"));
        await page.Keyboard.PressAsync("ControlOrMeta+A");
        await page.Keyboard.TypeAsync("The family group conference was the first time anyone asked what we wanted.");
        await TabToAsync(page, page.Locator("#note"));
        await page.Keyboard.TypeAsync("Checked with the family worker on 07700 900456");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }));
        refused = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await page.Locator(".govuk-error-summary a[href='#note']").WaitForAsync();
        Assert.Equal(1, await page.Locator("#note-error").CountAsync());
        Assert.True(await page.Locator("#decision-2").IsCheckedAsync());
        await AssertGoodPageAsync(page);

        await page.Locator("#note").FocusAsync();
        await page.Keyboard.PressAsync("ControlOrMeta+A");
        await page.Keyboard.TypeAsync("Checked with the family worker");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/surveys/stories");
        Assert.Contains("Story from a parent or carer approved", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("No story is waiting for review.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertGoodPageAsync(page);

        // Reviewed once: its review page is not offered again.
        var again = await page.GotoAsync(reviewPage);
        Assert.Equal(404, again!.Status);
    }

    [Fact]
    public async Task A_survey_admin_watches_a_waves_response_rate_in_a_chart_and_its_table()
    {
        var admin = await TokenAsync(Organisation, "survey-admin");
        await WaveWithResponsesAsync(admin, invited: 10, answering: 4);

        var page = await NewPageAsync();
        await SignInAsync(page, admin);
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Surveys", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/surveys");
        var row = await page.Locator("tr", new() { HasTextString = "Parents at closure, web test" }).InnerTextAsync();
        Assert.Matches(@"Open\s.*\s10\s+4\s+40(\.0)?%", row);
        Assert.Contains("1 figures from 40 to 40", await page.Locator("svg.sg-chart").GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);
        await AssertGoodPageAsync(page);
    }

    /// <summary>An open anonymous wave of the built-in parents' questionnaire: <paramref name="invited"/> codes issued, <paramref name="answering"/> of them answered.</summary>
    private async Task WaveWithResponsesAsync(string token, int invited, int answering)
    {
        using var channel = GrpcChannel.ForAddress(Address("gateway", "grpc"));
        var surveys = new SurveysService.SurveysServiceClient(channel);
        var options = As(token, Organisation);
        var now = DateTime.UtcNow;
        var wave = await surveys.CreateWaveAsync(new CreateWaveRequest
        {
            OrganisationCode = Organisation, QuestionnaireId = "parent-closure", Kind = WaveKind.Closure, Title = "Parents at closure, web test",
            Anonymity = Anonymity.Anonymous, PeriodCode = $"{now.Year}-{((now.Month - 1) / 3 * 3) + 1:D2}/P3M",
            OpensAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(now.AddDays(-1)), ClosesAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(now.AddDays(14)),
        }, options);
        var codes = await surveys.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = wave.WaveId, Count = invited }, options);
        foreach (var invitation in codes.Invitations.Take(answering))
        {
            await surveys.SubmitResponseAsync(new SubmitResponseRequest
            {
                Code = invitation.Code,
                Answers =
                {
                    new Answer { Question = "treated_well", Value = "agree" },
                    new Answer { Question = "respect", Value = "strongly_agree" },
                    new Answer { Question = "helpful", Value = "agree" },
                    new Answer { Question = "several_agencies", Value = "no" },
                    new Answer { Question = "better_off", Value = "neither" },
                },
            }, options);
        }
    }

    /// <summary>A parent's story, recorded by a colleague of the reviewer with consent to quote it within the partnership.</summary>
    private async Task StoryAsync(string token)
    {
        using var channel = GrpcChannel.ForAddress(Address("gateway", "grpc"));
        await new SurveysService.SurveysServiceClient(channel).SubmitStoryAsync(new SubmitStoryRequest
        {
            OrganisationCode = Organisation,
            Text = "The family group conference was the first time anyone asked what we wanted, and that changed everything.",
            Consent = QuoteConsent.Partnership,
            Role = StoryRole.ParentCarer,
        }, As(token, Organisation));
    }
}
