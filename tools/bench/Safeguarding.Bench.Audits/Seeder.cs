using System.Data.Common;
using System.Globalization;
using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Safeguarding.Audits.Persistence;
using Safeguarding.Audits.V1;
using Grpc.Core;

namespace Safeguarding.Bench.Audits;

/// <summary>What the seed made: the organisations, their programmes and the timed exercise.</summary>
internal sealed record SeedPlan(
    string[] Organisations, string Lead, string Exercise, string PreviousExercise,
    IReadOnlyList<(string ProgrammeId, string Organisation)> Continuous,
    IReadOnlyList<ProgrammeCase> ExerciseCases, IReadOnlyList<ProgrammeCase> PreviousCases, IReadOnlyList<Criterion> Criteria);

/// <summary>
/// Seeds the benchmark: one 40-criterion tool (10 criteria linked to measures) defined through the service and
/// copied to every organisation, a continuous programme per organisation and two yearly multi-agency exercises
/// led by the first organisation, all created through the service; then the case audits and their answers
/// written in bulk to the service's own tables (binary COPY on PostgreSQL, one prepared insert on SQLite).
/// </summary>
internal sealed class Seeder(BenchOptions options, AuditsService.AuditsServiceClient client, Func<string, CallOptions> callAs)
{
    public const int CriteriaCount = 40;
    private const string ToolId = "bench-case-file";
    private static readonly string[] Areas = ["voice-of-the-child", "assessment", "management-oversight", "partnership-working", "planning"];
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private readonly Random random = new(13);

    public async Task<SeedPlan> SetUpAsync(IServiceProvider services)
    {
        var organisations = Enumerable.Range(1, options.Organisations).Select(i => $"BENCH-{i:D3}").ToArray();
        var lead = organisations[0];
        var tool = await client.SaveToolAsync(new SaveToolRequest { Tool = Tool(lead) }, callAs(lead));

        // The same tool in every organisation (each adopts its own copy).
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AuditsDbContext>();
            var row = await db.Tools.AsNoTracking().SingleAsync(t => t.OrganisationCode == lead && t.ToolId == ToolId);
            db.Tools.AddRange(organisations.Skip(1).Select(o => new ToolRow
            {
                OrganisationCode = o, ToolId = row.ToolId, Version = row.Version, Title = row.Title, MeaningHash = row.MeaningHash, Content = row.Content, CreatedAt = row.CreatedAt,
            }));
            await db.SaveChangesAsync();
        }

        var continuous = new List<(string, string)>();
        foreach (var organisation in organisations)
        {
            var created = await client.CreateProgrammeAsync(new CreateProgrammeRequest
            {
                Programme = new AuditProgramme
                {
                    Title = "Monthly case-file audit", Kind = ProgrammeKind.Continuous, ToolId = ToolId, CasesPerMonth = 25,
                    SamplingRule = SamplingRule.Random, StartMonth = "2025-04", EndMonth = "2026-03", ModerationSample = 0.1,
                },
            }, callAs(organisation));
            continuous.Add((created.ProgrammeId, organisation));
        }

        var previous = await ExerciseAsync(organisations, "2025-04", "2025-06", "2025-07-31", "Last year's multi-agency audit");
        var exercise = await ExerciseAsync(organisations, "2026-04", "2026-06", "2026-07-31", "This year's multi-agency audit");
        return new SeedPlan(organisations, lead, exercise.ProgrammeId, previous.ProgrammeId, continuous, exercise.Cases, previous.Cases,
            [.. tool.Sections.SelectMany(s => s.Criteria)]);
    }

    private async Task<AuditProgramme> ExerciseAsync(string[] organisations, string start, string end, string deadline, string title)
    {
        var lead = organisations[0];
        var programme = new AuditProgramme
        {
            Title = title, Kind = ProgrammeKind.Specific, ToolId = ToolId, StartMonth = start, EndMonth = end, Deadline = deadline,
            Theme = "Child protection decision making", ModerationSample = 0.1,
        };
        programme.ParticipatingOrganisations.AddRange(organisations.Skip(1).Take(options.Agencies - 1));
        var created = await client.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = programme }, callAs(lead));
        for (var offset = 0; offset < options.Cases; offset += 500)
        {
            var add = new AddProgrammeCasesRequest { ProgrammeId = created.ProgrammeId };
            add.Cases.AddRange(Enumerable.Range(offset, Math.Min(500, options.Cases - offset))
                .Select(i => new CaseToAdd { CaseLabel = $"Case {i + 1:D4}", CaseReference = $"{start}-REF-{i + 1:D5}" }));
            created = await client.AddProgrammeCasesAsync(add, callAs(lead));
        }

        return created;
    }

    private static AuditTool Tool(string organisation)
    {
        var tool = new AuditTool { ToolId = ToolId, OrganisationCode = organisation, Title = "Bench case-file audit (40 criteria)", MultiAgency = true };
        for (var s = 0; s < CriteriaCount / 5; s++)
        {
            var section = new Section { SectionId = $"s{s + 1}", Title = $"Section {s + 1}" };
            for (var c = 0; c < 5; c++)
            {
                var n = (s * 5) + c + 1;
                var criterion = new Criterion
                {
                    CriterionId = $"s{s + 1}.c{c + 1}", Text = $"Criterion {n}", ContentAreaId = Areas[n % Areas.Length],
                    ResponseType = c == 4 ? ResponseType.Graded : ResponseType.YesPartlyNo,
                };
                if (c == 0 || (c == 4 && s % 4 == 0))
                {
                    criterion.MeasureLink = c == 0
                        ? new MeasureLink { MeasureId = $"bench.audit-m{n}", NumeratorAnswers = { "YES" }, DenominatorAnswers = { "YES", "PARTLY", "NO" } }
                        : new MeasureLink { MeasureId = $"bench.audit-m{n}", NumeratorAnswers = { "OUTSTANDING", "GOOD" }, DenominatorAnswers = { "OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE" } };
                }

                section.Criteria.Add(criterion);
            }

            tool.Sections.Add(section);
        }

        return tool;
    }

    /// <summary>Writes every case audit and its answers; returns how many of each.</summary>
    public async Task<(long Audits, long Answers)> InsertAuditsAsync(DbConnection connection, SeedPlan plan)
    {
        var audits = Generate(plan);
        return connection switch
        {
            NpgsqlConnection npgsql => await CopyAsync(npgsql, audits, plan.Criteria),
            SqliteConnection sqlite => Insert(sqlite, audits, plan.Criteria),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };
    }

    private IEnumerable<Audit> Generate(SeedPlan plan)
    {
        var exerciseOrganisations = plan.Organisations.Take(options.Agencies).ToArray();
        foreach (var (programme, cases, month) in new[] { (plan.PreviousExercise, plan.PreviousCases, "2025-04"), (plan.Exercise, plan.ExerciseCases, "2026-04") })
        {
            foreach (var organisation in exerciseOrganisations)
            {
                foreach (var listed in cases)
                {
                    // The lead audits the case it listed; each participant its own record of the same child.
                    var pseudonym = organisation == plan.Lead ? listed.CasePseudonym : NewPseudonym();
                    yield return NewAudit(programme, organisation, pseudonym, listed.CaseLabel, month);
                }
            }
        }

        var remaining = options.Audits - (2 * options.Agencies * options.Cases);
        for (var i = 0; i < plan.Continuous.Count; i++)
        {
            var (programme, organisation) = plan.Continuous[i];
            var count = (remaining / plan.Continuous.Count) + (i < remaining % plan.Continuous.Count ? 1 : 0);
            for (var n = 0; n < count; n++)
            {
                var month = new DateOnly(2025, 4, 1).AddMonths(n % 12).ToString("yyyy-MM", CultureInfo.InvariantCulture);
                yield return NewAudit(programme, organisation, NewPseudonym(), null, month);
            }
        }
    }

    private Audit NewAudit(string programme, string organisation, string pseudonym, string? label, string month)
    {
        var roll = random.NextDouble();
        var status = roll < 0.95 ? "Final" : roll < 0.98 ? "Submitted" : "Draft";
        var moderated = status == "Final" && random.NextDouble() < 0.1;
        var findings = new List<Finding>();
        for (var f = random.Next(3); f > 0; f--)
        {
            findings.Add(new Finding { Text = "Bench finding about the plan", ContentAreaId = Areas[random.Next(Areas.Length)] });
        }

        return new Audit(
            $"audit-{Guid.CreateVersion7():N}", programme, organisation, pseudonym, label, month, status, moderated,
            "[" + string.Join(',', findings.Select(f => Formatter.Format(f))) + "]");
    }

    private string NewPseudonym() => "case:" + Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())) + Convert.ToHexStringLower(BitConverter.GetBytes(random.Next()));

    private (string Value, string? Moderated) Answer(Criterion criterion, bool moderated)
    {
        string Pick()
        {
            var roll = random.NextDouble();
            return criterion.ResponseType == ResponseType.Graded
                ? roll < 0.15 ? "OUTSTANDING" : roll < 0.6 ? "GOOD" : roll < 0.9 ? "REQUIRES_IMPROVEMENT" : roll < 0.97 ? "INADEQUATE" : "NOT_APPLICABLE"
                : roll < 0.6 ? "YES" : roll < 0.8 ? "PARTLY" : roll < 0.95 ? "NO" : "NOT_APPLICABLE";
        }

        var value = Pick();
        return (value, moderated ? (random.NextDouble() < 0.8 ? value : Pick()) : null);
    }

    private async Task<(long, long)> CopyAsync(NpgsqlConnection connection, IEnumerable<Audit> audits, IReadOnlyList<Criterion> criteria)
    {
        var created = DateTime.UtcNow;
        var list = audits.ToList();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY case_audits (case_audit_id, programme_id, organisation_code, tool_id, tool_version, case_pseudonym, case_label, month, status, "
            + "auditor_user_id, moderator_user_id, findings, actions, revision, created_at, submitted_at, moderated_at, finalised_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var a in list)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(a.Id, NpgsqlDbType.Text);
                await writer.WriteAsync(a.Programme, NpgsqlDbType.Text);
                await writer.WriteAsync(a.Organisation, NpgsqlDbType.Text);
                await writer.WriteAsync(ToolId, NpgsqlDbType.Text);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(a.Pseudonym, NpgsqlDbType.Text);
                await WriteNullable(writer, a.Label);
                await writer.WriteAsync(a.Month, NpgsqlDbType.Text);
                await writer.WriteAsync(a.Status, NpgsqlDbType.Text);
                await writer.WriteAsync("bench-auditor", NpgsqlDbType.Text);
                await WriteNullable(writer, a.Moderated ? "bench-moderator" : null);
                await writer.WriteAsync(a.Findings, NpgsqlDbType.Text);
                await writer.WriteAsync("[]", NpgsqlDbType.Text);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await WriteTime(writer, a.Status != "Draft" ? created : null);
                await WriteTime(writer, a.Moderated ? created : null);
                await WriteTime(writer, a.Status == "Final" ? created : null);
            }

            await writer.CompleteAsync();
        }

        long answers = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY case_audit_answers (case_audit_id, criterion_id, value, moderated_value) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var a in list)
            {
                foreach (var criterion in criteria)
                {
                    var (value, moderated) = Answer(criterion, a.Moderated);
                    await writer.StartRowAsync();
                    await writer.WriteAsync(a.Id, NpgsqlDbType.Text);
                    await writer.WriteAsync(criterion.CriterionId, NpgsqlDbType.Text);
                    await writer.WriteAsync(value, NpgsqlDbType.Text);
                    await WriteNullable(writer, moderated);
                    answers++;
                }
            }

            await writer.CompleteAsync();
        }

        return (list.Count, answers);

        static async Task WriteNullable(NpgsqlBinaryImporter writer, string? value)
        {
            if (value is null)
            {
                await writer.WriteNullAsync();
            }
            else
            {
                await writer.WriteAsync(value, NpgsqlDbType.Text);
            }
        }

        static async Task WriteTime(NpgsqlBinaryImporter writer, DateTime? value)
        {
            if (value is { } at)
            {
                await writer.WriteAsync(at, NpgsqlDbType.TimestampTz);
            }
            else
            {
                await writer.WriteNullAsync();
            }
        }
    }

    private (long, long) Insert(SqliteConnection connection, IEnumerable<Audit> audits, IReadOnlyList<Criterion> criteria)
    {
        long count = 0;
        long answers = 0;
        using var transaction = connection.BeginTransaction();
        using var audit = connection.CreateCommand();
        audit.Transaction = transaction;
        audit.CommandText = "INSERT INTO case_audits (case_audit_id, programme_id, organisation_code, tool_id, tool_version, case_pseudonym, case_label, month, status, "
            + "auditor_user_id, moderator_user_id, findings, actions, revision, created_at, submitted_at, moderated_at, finalised_at) "
            + "VALUES ($id, $programme, $organisation, $tool, 1, $pseudonym, $label, $month, $status, 'bench-auditor', $moderator, $findings, '[]', 1, $at, $submitted, $moderated, $final)";
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$id", "$programme", "$organisation", "$tool", "$pseudonym", "$label", "$month", "$status", "$moderator", "$findings", "$at", "$submitted", "$moderated", "$final" })
        {
            p[name] = audit.Parameters.Add(new SqliteParameter(name, null));
        }

        using var answer = connection.CreateCommand();
        answer.Transaction = transaction;
        answer.CommandText = "INSERT INTO case_audit_answers (case_audit_id, criterion_id, value, moderated_value) VALUES ($id, $criterion, $value, $moderated)";
        var aId = answer.Parameters.Add(new SqliteParameter("$id", null));
        var aCriterion = answer.Parameters.Add(new SqliteParameter("$criterion", null));
        var aValue = answer.Parameters.Add(new SqliteParameter("$value", null));
        var aModerated = answer.Parameters.Add(new SqliteParameter("$moderated", null));
        audit.Prepare();
        answer.Prepare();
        var at = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        foreach (var a in audits)
        {
            p["$id"].Value = a.Id;
            p["$programme"].Value = a.Programme;
            p["$organisation"].Value = a.Organisation;
            p["$tool"].Value = ToolId;
            p["$pseudonym"].Value = a.Pseudonym;
            p["$label"].Value = (object?)a.Label ?? DBNull.Value;
            p["$month"].Value = a.Month;
            p["$status"].Value = a.Status;
            p["$moderator"].Value = a.Moderated ? "bench-moderator" : DBNull.Value;
            p["$findings"].Value = a.Findings;
            p["$at"].Value = at;
            p["$submitted"].Value = a.Status != "Draft" ? at : DBNull.Value;
            p["$moderated"].Value = a.Moderated ? at : DBNull.Value;
            p["$final"].Value = a.Status == "Final" ? at : DBNull.Value;
            audit.ExecuteNonQuery();
            count++;
            foreach (var criterion in criteria)
            {
                var (value, moderated) = Answer(criterion, a.Moderated);
                aId.Value = a.Id;
                aCriterion.Value = criterion.CriterionId;
                aValue.Value = value;
                aModerated.Value = (object?)moderated ?? DBNull.Value;
                answer.ExecuteNonQuery();
                answers++;
            }
        }

        transaction.Commit();
        return (count, answers);
    }

    private sealed record Audit(string Id, string Programme, string Organisation, string Pseudonym, string? Label, string Month, string Status, bool Moderated, string Findings);
}
