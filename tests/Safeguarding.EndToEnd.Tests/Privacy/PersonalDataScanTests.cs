using System.Diagnostics;
using System.Text;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Safeguarding.EndToEnd.Tests.Support;
using Safeguarding.Gateway.V1;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.Persistence;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.V1;

namespace Safeguarding.EndToEnd.Tests.Privacy;

/// <summary>
/// The scenario run with every app logging at Information into a capture and every span collected,
/// with a fictional child's details planted where a careless service would leak them: in request
/// fields the services must refuse, in an import file, in a narrative, and in x-sg-* headers from
/// outside that the gateway must strip. Nothing identifying may reach a log record, a span, the
/// gateway's audit trail or an event; the same scanner does find the details in what was sent.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class PersonalDataScanTests(PlatformFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    public const string ChildName = "Alfie Canaryson";
    public const string Email = "alfie.canaryson@example.org";
    public const string NhsNumber = "943 476 5919";
    public const string BornOn = "born 14/02/2016";
    public const string Postcode = "N1 9GU";
    public const string Phone = "07700 900461";

    private const string ScanMeasure = "e2e.scan-referrals";
    private const string ControlSource = "EndToEnd.Control";

    /// <summary>The canaries: the name (whole and the unusual surname), the e-mail and the NHS number, spaced and not.</summary>
    public static readonly PersonalDataScanner Scanner = new([ChildName, "Canaryson", Email, NhsNumber, NhsNumber.Replace(" ", string.Empty, StringComparison.Ordinal)]);

    private static readonly Action<ILogger, string, Exception?> ControlLog = LoggerMessage.Define<string>(LogLevel.Warning, new EventId(1, "Control"), "Control record about {Child}");

    private static string Details => $"{ChildName} ({BornOn}, NHS {NhsNumber}) of {Postcode}; mum {Email}, {Phone}";

    private TestPlatform Platform => fixture.Platform;

    [Fact]
    public async Task No_child_or_family_identifier_reaches_logs_spans_audit_or_events()
    {
        var sent = new List<(string Source, string Text)>();
        var statuses = new Dictionary<string, StatusCode>();
        var analyst = Scenario.AnalystToken("north-csc");

        // The scenario as its users: own rows, a refused cross-organisation read, London for the board.
        await Platform.Measures.ListObservationsAsync(new ListObservationsRequest { MeasureId = Scenario.CountMeasure, OrganisationCodes = { "north-csc" } }, TestPlatform.As(analyst));
        statuses["cross-organisation read"] = await StatusOf(Platform.Measures.ListObservationsAsync(
            new ListObservationsRequest { MeasureId = Scenario.CountMeasure, OrganisationCodes = { "north-csc" } }, TestPlatform.As(Scenario.AnalystToken("north-police"), target: "north-csc")).ResponseAsync);
        await Scenario.AcrossLondonAsync(Platform, Scenario.ProportionMeasure);

        // 1. x-sg-* headers from outside, on a valid write: the gateway strips them, the service never sees them.
        var outside = new Metadata
        {
            { "x-sg-user-id", Email },
            { "x-sg-organisation", "north-police" },
            { "x-sg-roles", "operator" },
            { "x-sg-child", $"{ChildName} NHS {NhsNumber}" },
            { "x-sg-note", Details },
        };
        sent.Add(("x-sg headers", string.Join("\n", outside.Select(h => h.Key + ": " + h.Value))));
        await Platform.Measures.DefineMeasureAsync(new DefineMeasureRequest { Measure = ScanDefinition() }, TestPlatform.As(analyst, extra: outside));
        var recorded = await Platform.Measures.RecordObservationAsync(
            Scenario.Record("north-csc", ScanMeasure, new Period { Code = Scenario.Year2025 }, Scenario.CountValue(17)), TestPlatform.As(analyst, extra: outside));
        Assert.Equal("north-csc-analyst", recorded.Observation.Provenance.UserId); // the token's subject, not the header's

        // 2. A child's details where an organisation code belongs.
        var wrongCode = Scenario.Record(Email, ScanMeasure, new Period { Code = Scenario.Year2024 }, Scenario.CountValue(4));
        statuses["record: organisation code"] = await Send(wrongCode, () => Platform.Measures.RecordObservationAsync(wrongCode, TestPlatform.As(analyst)).ResponseAsync);

        // 3. ... in a measure id and title.
        var wrongMeasure = new DefineMeasureRequest { Measure = ScanDefinition() };
        wrongMeasure.Measure.Id = ChildName;
        wrongMeasure.Measure.Title = Details;
        statuses["define: id and title"] = await Send(wrongMeasure, () => Platform.Measures.DefineMeasureAsync(wrongMeasure, TestPlatform.As(analyst)).ResponseAsync);

        // 4. ... in the cells of an imported file (checked as a dry run: nothing is stored either way).
        var csv = "Month,Agency code,Team,Cases audited,Child remained the focus\n"
            + $"2024-05,north-csc,All teams,{NhsNumber},{Email}\n"
            + $"2024-05,{ChildName},All teams,12,6\n"
            + $"2024-06,north-csc,All teams,\"{Details}\",6\n";
        var header = new ImportCsvHeader { MappingId = "generic-monthly-team-audit-example", FileName = "audit-may.csv", DryRun = true, DefineMissingMeasures = true };
        sent.Add(("import file", csv));
        var report = await Platform.Measures.ImportCsvAsync(header, new MemoryStream(Encoding.UTF8.GetBytes(csv)), TestPlatform.As(analyst));
        Assert.True(report.DryRun);
        Assert.True(report.RowsRejected + report.RowsOutOfScope >= 3, $"rows rejected {report.RowsRejected}, out of scope {report.RowsOutOfScope}, imported {report.RowsImported}");
        // The report quotes no cell that could identify anyone.
        Assert.Empty(Scanner.Scan(JsonFormatter.Default.Format(report), "import report"));

        // 5. ... in a narrative story and a voice (the reporting service must refuse them).
        var story = new CreateNarrativeEntryRequest
        {
            Entry = new NarrativeEntry { OrganisationCode = "north-csc", PeriodCode = "2024-04/P3M", Story = new Story { Text = "Referrals rose this quarter. " + Details } },
        };
        statuses["narrative: story"] = await Send(story, () => Platform.Reporting.CreateNarrativeEntryAsync(story, TestPlatform.As(analyst)).ResponseAsync);
        var voice = new CreateNarrativeEntryRequest
        {
            Entry = new NarrativeEntry
            {
                OrganisationCode = "north-csc",
                PeriodCode = "2024-04/P3M",
                Voice = new Voice { Quote = $"My social worker rang me on {Phone}, I'm {ChildName}", Source = VoiceSource.Child, ConsentRecorded = true, ConsentRecordedOn = "2024-05-01", DeIdentified = true },
            },
        };
        statuses["narrative: voice"] = await Send(voice, () => Platform.Reporting.CreateNarrativeEntryAsync(voice, TestPlatform.As(analyst)).ResponseAsync);

        // 6. ... in the measure id and area of a London-wide query (the gateway fans the id out to every instance).
        var london = new GetMeasureAcrossOrganisationsRequest { MeasureId = $"{ChildName} {NhsNumber}" };
        var londonAnswer = await Platform.Aggregation.GetMeasureAcrossOrganisationsAsync(london, TestPlatform.As(Scenario.BoardMemberToken()));
        sent.Add(("london query", JsonFormatter.Default.Format(london)));
        Assert.DoesNotContain(londonAnswer.Outcomes, o => o.Status == OrganisationStatus.Ok);
        var area = new GetMeasureAcrossOrganisationsRequest { MeasureId = Scenario.CountMeasure, AreaCode = Email };
        statuses["london query: area"] = await Send(area, () => Platform.Aggregation.GetMeasureAcrossOrganisationsAsync(area, TestPlatform.As(Scenario.BoardMemberToken())).ResponseAsync);

        // Every refusal is a refusal: nothing carrying the details was accepted.
        Assert.Equal(StatusCode.PermissionDenied, statuses["cross-organisation read"]);
        Assert.All(statuses.Where(s => s.Key != "cross-organisation read"), s => Assert.True(s.Value is StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.PermissionDenied, $"{s.Key}: {s.Value}"));
        Assert.Equal(StatusCode.InvalidArgument, statuses["narrative: story"]); // reached the reporting service, which refused it

        // Controls: the scanner finds every planted kind in what was sent ...
        var inRequests = Scanner.ScanAll(sent).Select(f => f.Kind).ToHashSet();
        Assert.Superset(new HashSet<PersonalDataKind>([PersonalDataKind.Canary, PersonalDataKind.Email, PersonalDataKind.NhsNumber, PersonalDataKind.DateOfBirth, PersonalDataKind.Postcode, PersonalDataKind.UkPhoneNumber]), inRequests);

        // ... and a detail that does reach a log record or a span is caught there.
        ControlLog(Platform.GatewayServices.GetRequiredService<ILoggerFactory>().CreateLogger(ControlSource), ChildName, null);
        using (var source = new ActivitySource(ControlSource))
        using (var activity = source.StartActivity("control"))
        {
            activity?.SetTag("child.nhs_number", NhsNumber);
        }

        var logs = fixture.Logs.Texts().ToList();
        var spans = fixture.Spans.Texts().ToList();
        var control = Scanner.ScanAll(logs.Concat(spans).Where(t => t.Source.Contains(ControlSource, StringComparison.Ordinal)));
        Assert.Contains(control, f => f.Kind == PersonalDataKind.Canary && f.Source.StartsWith("log", StringComparison.Ordinal));
        Assert.Contains(control, f => f.Kind == PersonalDataKind.NhsNumber && f.Source.StartsWith("span", StringComparison.Ordinal));

        // What was watched: every app logged (at Information), and the planted calls were served and traced.
        var sources = fixture.Logs.Records.Select(r => r.Source).ToHashSet();
        Assert.Superset(Scenario.Topology.Instances.Concat(Scenario.Topology.ReportingInstances).Append("gateway").ToHashSet(), sources);
        Assert.Contains(fixture.Logs.Records, r => r.Level == LogLevel.Information && r.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        foreach (var rpc in new[] { "RecordObservation", "DefineMeasure", "ImportCsv", "CreateNarrativeEntry", "GetMeasureAcrossOrganisations" })
        {
            Assert.Contains(logs, l => l.Text.Contains(rpc, StringComparison.Ordinal));
            Assert.Contains(spans, s => s.Text.Contains(rpc, StringComparison.Ordinal));
        }

        // The check itself: nothing identifying in any log record, span, audit record or event.
        var audit = (await AuditTextsAsync()).ToList();
        var events = (await EventTextsAsync()).ToList();
        output.WriteLine($"scanned {logs.Count} log records from {sources.Count} apps, {spans.Count} spans, {audit.Count} audit records, {events.Count} events");
        output.WriteLine("planted calls: " + string.Join(", ", statuses.Select(s => $"{s.Key} → {s.Value}")));
        var findings = Scanner.ScanAll(logs.Concat(spans).Where(t => !t.Source.Contains(ControlSource, StringComparison.Ordinal)).Concat(audit).Concat(events));
        Assert.True(findings.Count == 0, $"{findings.Count} identifiers found in telemetry:\n" + string.Join("\n", findings.Take(20)));

        async Task<StatusCode> Send(IMessage request, Func<Task> call)
        {
            sent.Add((request.Descriptor.Name, JsonFormatter.Default.Format(request)));
            return await StatusOf(call());
        }
    }

    private static async Task<StatusCode> StatusOf(Task call)
    {
        try
        {
            await call;
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private static MeasureDefinition ScanDefinition()
    {
        var definition = Scenario.CountDefinition();
        definition.Id = ScanMeasure;
        return definition;
    }

    private async Task<IEnumerable<(string Source, string Text)>> AuditTextsAsync()
    {
        var rows = await Platform.AuditAsync();
        Assert.NotEmpty(rows);
        return rows.Select(r => ("audit", r.ToString()));
    }

    private async Task<IEnumerable<(string Source, string Text)>> EventTextsAsync()
    {
        var texts = new List<(string, string)>();
        foreach (var (name, instance) in Platform.Instances)
        {
            var events = name.EndsWith("-reporting", StringComparison.Ordinal)
                ? await instance.OutboxAsync<ReportingDbContext>()
                : await instance.OutboxAsync<MeasuresDbContext>();
            texts.AddRange(events.Select(e => ("event " + name, e)));
        }

        Assert.Contains(texts, t => t.Item2.Contains(ScanMeasure, StringComparison.Ordinal)); // the valid write's event is there
        return texts;
    }
}
