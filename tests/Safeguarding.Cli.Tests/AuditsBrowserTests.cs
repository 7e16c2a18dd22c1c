using Grpc.Net.Client;
using Microsoft.Playwright;
using Safeguarding.Audits.V1;
using Safeguarding.Cli.Tests.Support;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// Journey 4, the auditor, by keyboard: their case audit answered section by section on the GOV.UK task list (not
/// started / in progress / completed), left and resumed in a new browser (the answers are the service's), a service
/// refusal shown on its field (a phone number in free text), checked and submitted; then a second auditor moderates,
/// asked for a reason when they change a grade. Every page passes axe and fits 320 px.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AuditsBrowserTests(RunningPlatform platform) : WebJourney(platform), IClassFixture<RunningPlatform>
{
    private const string Organisation = "NB-CSC";

    [Fact]
    public async Task An_auditor_answers_a_case_audit_section_by_section_resumes_it_and_submits_and_another_auditor_moderates_it()
    {
        var auditor = await TokenAsync(Organisation, "auditor");
        await CaseAuditAsync(auditor);

        // Her audits, then the case's task list: every section not started.
        var page = await NewPageAsync();
        await SignInAsync(page, auditor, "audits");
        Assert.Contains("Case A", await page.Locator("table", new() { HasTextString = "Your audits to finish" }).InnerTextAsync(), StringComparison.Ordinal);
        await AssertGoodPageAsync(page);
        await TabToAsync(page, page.Locator("table", new() { HasTextString = "Your audits to finish" }).GetByRole(AriaRole.Link, new() { NameString = "Case A" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/audits/audit-[0-9a-f]+$"));
        var taskList = page.Url;
        Assert.Equal(4, await page.Locator(".govuk-task-list__status", new() { HasTextString = "Not started" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Check your answers" }).CountAsync());
        await AssertGoodPageAsync(page);

        // Section 47: every question answered.
        await OpenSectionAsync(page, "Section 47 decision making");
        await ChooseAsync(page, "answer-s47-threshold");
        await ChooseAsync(page, "answer-s47-information-2");
        await ChooseAsync(page, "answer-s47-quality-2");
        await SaveAsync(page, taskList);
        Assert.Contains("Section 47 decision making: answers saved", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Completed", await StatusAsync(page, "s47"));

        // The strategy meeting: one question of three, then away.
        await OpenSectionAsync(page, "Strategy meeting");
        await ChooseAsync(page, "answer-strategy-attended");
        await SaveAsync(page, taskList);
        Assert.Equal("In progress", await StatusAsync(page, "strategy"));
        await page.Context.CloseAsync();

        // Another browser, signed in again: the service kept the answers.
        page = await NewPageAsync();
        await SignInAsync(page, auditor, new Uri(taskList).AbsolutePath.TrimStart('/'));
        Assert.Equal("Completed", await StatusAsync(page, "s47"));
        Assert.Equal("In progress", await StatusAsync(page, "strategy"));
        Assert.Equal("Not started", await StatusAsync(page, "conference"));
        await AssertGoodPageAsync(page);
        await OpenSectionAsync(page, "Strategy meeting");
        Assert.True(await page.Locator("#answer-strategy-attended").IsCheckedAsync());
        await ChooseAsync(page, "answer-strategy-plan");
        await ChooseAsync(page, "answer-strategy-quality");
        await SaveAsync(page, taskList);

        await OpenSectionAsync(page, "Child protection conference");
        await ChooseAsync(page, "answer-conference-report-3");
        await ChooseAsync(page, "answer-conference-adviser");
        await ChooseAsync(page, "answer-conference-quality-3");
        await SaveAsync(page, taskList);

        // The plan, its learning with a phone number in it: the service refuses it, on that field, answers kept.
        await OpenSectionAsync(page, "The child protection plan");
        await ChooseAsync(page, "answer-plan-agencies");
        await ChooseAsync(page, "answer-plan-child_focus");
        await ChooseAsync(page, "answer-plan-men-2");
        await ChooseAsync(page, "answer-plan-overall-2");
        await TabToAsync(page, page.Locator("#answer-plan-learning"));
        await page.Keyboard.TypeAsync("Ring the social worker on 07700 900123 before conference");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }));
        var refused = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await page.Locator(".govuk-error-summary a[href='#answer-plan-learning']").WaitForAsync();
        Assert.Equal(1, await page.Locator("#answer-plan-learning-error").CountAsync());
        Assert.True(await page.Locator("#answer-plan-men-2").IsCheckedAsync());
        await AssertGoodPageAsync(page);
        await page.Locator("#answer-plan-learning").FocusAsync();
        await page.Keyboard.PressAsync("ControlOrMeta+A");
        await page.Keyboard.TypeAsync("Invite health to the strategy discussion from the start");
        await SaveAsync(page, taskList);
        Assert.Equal(4, await page.Locator(".govuk-task-list__status", new() { HasTextString = "Completed" }).CountAsync());

        // Check answers, then submit.
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Check your answers" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/check");
        var answers = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Invite health to the strategy discussion from the start", answers, StringComparison.Ordinal);
        Assert.Contains("Requires improvement", answers, StringComparison.Ordinal);
        await AssertGoodPageAsync(page);
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Submit the audit" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(taskList);
        Assert.Contains("Audit submitted", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Submitted", await page.Locator(".govuk-summary-list").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Moderate this audit" }).CountAsync());
        await AssertGoodPageAsync(page);

        // A second auditor moderates: changes a grade, is asked why, gives the reason.
        var moderator = await TokenAsync(Organisation, "auditor", "web-moderator");
        var second = await NewPageAsync();
        await SignInAsync(second, moderator, "audits");
        Assert.Contains("Case A", await second.Locator("table", new() { HasTextString = "Audits to moderate" }).InnerTextAsync(), StringComparison.Ordinal);
        await TabToAsync(second, second.Locator("table", new() { HasTextString = "Audits to moderate" }).GetByRole(AriaRole.Link, new() { NameString = "Case A" }));
        await second.Keyboard.PressAsync("Enter");
        await second.WaitForURLAsync(taskList);
        await TabToAsync(second, second.GetByRole(AriaRole.Button, new() { Name = "Moderate this audit" }));
        await second.Keyboard.PressAsync("Enter");
        await second.WaitForURLAsync("**/moderate");
        Assert.True(await second.Locator("#answer-s47-quality-2").IsCheckedAsync());
        await AssertGoodPageAsync(second);
        await ChooseAsync(second, "answer-s47-quality-3");
        await TabToAsync(second, second.GetByRole(AriaRole.Button, new() { Name = "Record the moderation" }));
        refused = await second.RunAndWaitForResponseAsync(() => second.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await second.Locator(".govuk-error-summary a[href='#note']").WaitForAsync();
        Assert.True(await second.Locator("#answer-s47-quality-3").IsCheckedAsync());
        await AssertGoodPageAsync(second);
        await TabToAsync(second, second.Locator("#note"));
        await second.Keyboard.TypeAsync("The enquiry record shows no analysis of the health information.");
        await TabToAsync(second, second.GetByRole(AriaRole.Button, new() { Name = "Record the moderation" }));
        await second.Keyboard.PressAsync("Enter");
        await second.WaitForURLAsync(taskList);
        Assert.Contains("Audit moderated", await second.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        var moderated = await second.Locator("main").InnerTextAsync();
        Assert.Contains("Moderated: Requires improvement", moderated, StringComparison.Ordinal);
        Assert.Contains("Moderator's reason: The enquiry record shows no analysis of the health information.", moderated, StringComparison.Ordinal);
        await AssertGoodPageAsync(second);
    }

    private static async Task OpenSectionAsync(IPage page, string title)
    {
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = title }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/sections/*");
        await AssertGoodPageAsync(page);
    }

    /// <summary>Selects a radio as a keyboard user does once on it: focus, then Space.</summary>
    private static async Task ChooseAsync(IPage page, string radioId)
    {
        var radio = page.Locator("#" + radioId);
        await radio.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        Assert.True(await radio.IsCheckedAsync(), radioId);
    }

    private static async Task SaveAsync(IPage page, string taskList)
    {
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(taskList);
    }

    private static async Task<string> StatusAsync(IPage page, string sectionId) =>
        (await page.Locator("#status-" + sectionId).InnerTextAsync()).Trim();

    /// <summary>The organisation's child protection audit with one listed case, and this auditor's draft audit of it (through the gateway).</summary>
    private async Task CaseAuditAsync(string token)
    {
        using var channel = GrpcChannel.ForAddress(Address("gateway", "grpc"));
        var audits = new AuditsService.AuditsServiceClient(channel);
        var options = As(token, Organisation);
        var tool = await audits.AdoptToolAsync(new AdoptToolRequest { OrganisationCode = Organisation, LibraryToolId = "multi-agency-cp" }, options);
        var programme = await audits.CreateProgrammeAsync(new CreateProgrammeRequest
        {
            Programme = new AuditProgramme
            {
                OrganisationCode = Organisation,
                Title = "Child protection cases, spring 2026",
                Kind = ProgrammeKind.Specific,
                ToolId = tool.ToolId,
                StartMonth = "2026-03",
                EndMonth = "2026-05",
                Deadline = "2026-06-30",
                Theme = "Section 47 decision making",
            },
        }, options);
        await audits.AddProgrammeCasesAsync(new AddProgrammeCasesRequest
        {
            ProgrammeId = programme.ProgrammeId, Cases = { new CaseToAdd { CaseLabel = "Case A", CaseReference = "NB-CSC-CP-4471" } },
        }, options);
        await audits.StartCaseAuditAsync(new StartCaseAuditRequest
        {
            ProgrammeId = programme.ProgrammeId, OrganisationCode = Organisation, CaseLabel = "Case A", CaseReference = "NB-CSC-CP-4471", AuditorRole = "team manager",
        }, options);
    }
}
