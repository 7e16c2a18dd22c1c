using Google.Protobuf;
using Grpc.Core;
using Safeguarding.Surveys.Tests.Unit;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Surveys.Tests.Functional;

public abstract class QuestionnaireApiTests(ServiceFixture service)
{
    private static string NewId() => "form-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Imports_an_XLSForm_versions_it_and_exports_it_back()
    {
        var id = NewId();
        var request = new ImportXlsFormRequest { Xlsx = ByteString.CopyFrom(XlsxBuilder.ValidForm()), QuestionnaireId = id, FileName = "exit.xlsx" };

        var first = await service.Client.ImportXlsFormAsync(request, Calls.Admin());
        Assert.Equal((id, 1, Audience.ParentCarer, Calls.Northbridge), (first.QuestionnaireId, first.Version, first.Audience, first.OrganisationCode));
        Assert.Equal(6, first.Sections.Sum(s => s.Questions.Count));

        // The same file again changes nothing; a changed title makes version 2.
        Assert.Equal(1, (await service.Client.ImportXlsFormAsync(request, Calls.Admin())).Version);
        request.Title = "Parents at closure (2027)";
        Assert.Equal(2, (await service.Client.ImportXlsFormAsync(request, Calls.Admin())).Version);

        var exported = await service.Client.ExportXlsFormAsync(new ExportXlsFormRequest { QuestionnaireId = id, Version = 1 }, Calls.Member(Calls.Northbridge));
        Assert.Equal($"{id}-v1.xlsx", exported.FileName);
        var again = await service.Client.ImportXlsFormAsync(new ImportXlsFormRequest { Xlsx = exported.Xlsx, QuestionnaireId = id + "-copy" }, Calls.Admin());
        Assert.Equal(first.Sections.SelectMany(s => s.Questions).Select(q => q.ToString()), again.Sections.SelectMany(s => s.Questions).Select(q => q.ToString()));

        var v1 = await service.Client.GetQuestionnaireAsync(new GetQuestionnaireRequest { QuestionnaireId = id, Version = 1 }, Calls.Member(Calls.Northbridge));
        Assert.Equal("Parents at closure", v1.Title);
    }

    [Fact]
    public async Task A_broken_XLSForm_is_refused_with_every_cell_and_nothing_is_stored()
    {
        var id = NewId();
        var xlsx = XlsxBuilder.Build(
            ("survey",
            [
                XlsxBuilder.SurveyHeader,
                ["select_one yes_no", "q1", "First?", "yes", "", "", "", "", ""],
                ["geotrace", "q2", "Route?", "", "", "", "", "", ""],
                ["text", "q1", "Again", "", "${q1} = 'yes' or", "", "", "", ""],
            ]),
            ("choices", [["list_name", "name", "label"], ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]]),
            ("settings", [["form_id", "form_title", "audience"], [id, "Broken", "parent_carer"]]));

        var ex = await Statuses.FailsWith(StatusCode.InvalidArgument, service.Client.ImportXlsFormAsync(new ImportXlsFormRequest { Xlsx = ByteString.CopyFrom(xlsx) }, Calls.Admin()));
        var violations = Statuses.Violations(ex);
        Assert.Contains(violations, v => v.StartsWith("survey!A3: type: 'geotrace'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("survey!B4: name: 'q1' is used by an earlier question", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("survey!E4: relevant: the expression ends too soon", StringComparison.Ordinal));

        var list = await service.Client.ListQuestionnairesAsync(new ListQuestionnairesRequest(), Calls.Member(Calls.Northbridge));
        Assert.DoesNotContain(list.Questionnaires, q => q.QuestionnaireId == id);
    }

    [Fact]
    public async Task Saving_through_the_API_names_the_field_at_fault()
    {
        var questionnaire = new Questionnaire { QuestionnaireId = NewId(), Title = "Staff pulse", Audience = Audience.FrontlineStaff };
        var section = new Section();
        section.Questions.Add(new Question { Name = "ok", Kind = QuestionKind.YesNo, Label = "All right?", ListName = "yn", Choices = { new Choice { Name = "yes", Label = "Yes" }, new Choice { Name = "no", Label = "No" } } });
        section.Questions.Add(new Question { Name = "why", Kind = QuestionKind.FreeText, Label = "Why not?", Relevant = "${ok} == 'no'" });
        questionnaire.Sections.Add(section);

        var ex = await Statuses.FailsWith(StatusCode.InvalidArgument, service.Client.SaveQuestionnaireAsync(new SaveQuestionnaireRequest { Questionnaire = questionnaire }, Calls.Admin()));
        var violation = Assert.Single(Statuses.Violations(ex));
        Assert.True(violation.StartsWith("questionnaire.sections[0].questions[1].relevant: '==' is not XLSForm; write '=' (at character 7)", StringComparison.Ordinal), violation);

        section.Questions[1].Relevant = "${ok} = 'no'";
        var saved = await service.Client.SaveQuestionnaireAsync(new SaveQuestionnaireRequest { Questionnaire = questionnaire }, Calls.Admin());
        Assert.Equal(1, saved.Version);
    }

    [Fact]
    public async Task Built_ins_are_readable_by_all_and_their_ids_are_reserved()
    {
        var list = await service.Client.ListQuestionnairesAsync(new ListQuestionnairesRequest { IncludeBuiltIn = true }, Calls.Member(Calls.Southmoor));
        Assert.Contains(list.Questionnaires, q => q.QuestionnaireId == "frontline-staff-annual" && q.BuiltIn);

        var ex = await Statuses.FailsWith(StatusCode.InvalidArgument, service.Client.ImportXlsFormAsync(
            new ImportXlsFormRequest { Xlsx = ByteString.CopyFrom(XlsxBuilder.ValidForm()), QuestionnaireId = "parent-closure" }, Calls.Admin()));
        Assert.Contains(Statuses.Violations(ex), v => v.StartsWith("settings!form_id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_organisations_questionnaire_is_not_found_and_writes_need_the_role()
    {
        var id = NewId();
        await service.Client.ImportXlsFormAsync(new ImportXlsFormRequest { Xlsx = ByteString.CopyFrom(XlsxBuilder.ValidForm()), QuestionnaireId = id }, Calls.Admin());

        await Statuses.FailsWith(StatusCode.NotFound, service.Client.GetQuestionnaireAsync(new GetQuestionnaireRequest { QuestionnaireId = id }, Calls.Member(Calls.Southmoor)));
        await Statuses.FailsWith(StatusCode.PermissionDenied, service.Client.ImportXlsFormAsync(
            new ImportXlsFormRequest { Xlsx = ByteString.CopyFrom(XlsxBuilder.ValidForm()), QuestionnaireId = NewId() }, Calls.Member(Calls.Northbridge)));
        await Statuses.FailsWith(StatusCode.PermissionDenied, service.Client.ImportXlsFormAsync(
            new ImportXlsFormRequest { Xlsx = ByteString.CopyFrom(XlsxBuilder.ValidForm()), QuestionnaireId = NewId(), OrganisationCode = Calls.Southmoor }, Calls.Admin()));
        await Statuses.FailsWith(StatusCode.Unauthenticated, service.Client.ListQuestionnairesAsync(new ListQuestionnairesRequest(), Calls.NoToken()));
    }
}

public sealed class SqliteQuestionnaireApiTests(SqliteServiceFixture service) : QuestionnaireApiTests(service), IClassFixture<SqliteServiceFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresQuestionnaireApiTests(PostgresServiceFixture service) : QuestionnaireApiTests(service), IClassFixture<PostgresServiceFixture>;
