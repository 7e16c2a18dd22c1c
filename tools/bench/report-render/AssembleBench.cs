using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;
using Safeguarding.Platform.Persistence;
using Safeguarding.Reporting;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.Rendering;
using Safeguarding.Reporting.Samples;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Bench.ReportRender;

/// <summary>
/// Issue 16's bar end to end: GenerateReportBook then GetReportHtml over gRPC on a reporting instance whose read models hold each
/// partnership's history (<see cref="PartnershipHistory"/>: 150 measures over 5 years, 40 audit programmes, 20 case
/// reviews' actions, plus 60 register actions through the API, so 100 actions), i.e. reading the read models,
/// assembling, storing the snapshot and rendering it. Printed beside the baseline of rendering a sample book of the same
/// size alone, as a ratio; never asserted.
/// </summary>
internal static class AssembleBench
{
    private const int RegisterActions = 60;

    public static async Task RunAsync(BenchOptions options)
    {
        await using var instance = await BenchReportingInstance.StartAsync(options.Postgres);
        using var channel = GrpcChannel.ForAddress(instance.Address);
        var reporting = new ReportingService.ReportingServiceClient(channel);
        var register = new ActionsRegisterService.ActionsRegisterServiceClient(channel);
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores; {instance.Provider}");
        Console.WriteLine($"per partnership: {PartnershipHistory.Agencies} agencies, {options.Measures} measures over {options.Years} years, "
            + $"{PartnershipHistory.AuditProgrammes} audit programmes, {PartnershipHistory.Reviews} case reviews x 2 actions + {RegisterActions} register actions; {options.Partnerships} partnerships");

        var clock = Stopwatch.StartNew();
        var history = new PartnershipHistory(instance.Services.GetRequiredService<IEventTransport>(), options.Measures, options.Years);
        await history.DefineMeasuresAsync();
        for (var k = 1; k <= options.Partnerships; k++)
        {
            await ProvisionAsync(reporting, k);
            await history.PublishPartnershipAsync(k);
            await CreateActionsAsync(register, k, options.Measures);
        }

        await instance.WaitForReceivedAsync(history.Published);
        Console.WriteLine($"seeded in {clock.Elapsed.TotalSeconds:F1} s ({history.Published:N0} events consumed)");

        using var phases = new DraftPhases();
        var book = Timing.Measure(options.Runs, () => GenerateBook(reporting, 1), afterWarmUp: phases.Clear);
        var baseline = RenderingBaseline(options);
        Console.WriteLine($"partnership Report Book, drafted from the read models and rendered, over gRPC  median {book.MedianMs,8:F1} ms  min {book.MinMs,8:F1} ms  cpu {book.CpuMedianMs,8:F1} ms  allocated {book.AllocatedPerRun / 1024.0 / 1024.0:F0} MiB/run (client and service)   goal <= 300 ms");
        phases.Print("    phase ");
        Console.WriteLine($"baseline: rendering a sample book of the same size alone                  median {baseline.MedianMs,8:F1} ms   ratio {book.MedianMs / baseline.MedianMs,6:F2}x");

        var full = Timing.Measure(options.Runs, () => GenerateBook(reporting, 1, ReportView.Full));
        Console.WriteLine($"the same, the draft answered with its document (about 1 MB as a Struct)  median {full.MedianMs,8:F1} ms  min {full.MinMs,8:F1} ms  cpu {full.CpuMedianMs,8:F1} ms");

        var quarterly = Timing.Measure(options.Runs, () => GenerateQuarterly(reporting, 1));
        Console.WriteLine($"partnership quarterly report, assembled                              median {quarterly.MedianMs,8:F1} ms  min {quarterly.MinMs,8:F1} ms  cpu {quarterly.CpuMedianMs,8:F1} ms");

        // London is timed over whole passes (33 books each), the median of three, so one disturbed pass does not decide it.
        var sequential = Passes(() =>
        {
            for (var k = 1; k <= options.Partnerships; k++)
            {
                GenerateBook(reporting, k);
            }
        });
        Console.WriteLine($"London x{options.Partnerships} Report Books, sequential          median of 3 {sequential,8:F0} ms   goal <= 3000 ms");

        // Each partnership drafts its own book, so London's books are drafted side by side (here on one instance).
        var sideBySide = Passes(() => Parallel.For(1, options.Partnerships + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k => GenerateBook(reporting, k)));
        Console.WriteLine($"London x{options.Partnerships} Report Books, {Environment.ProcessorCount} at a time         median of 3 {sideBySide,8:F0} ms   goal <= 3000 ms");
    }

    private static double Passes(Action pass)
    {
        var times = new double[3];
        for (var i = 0; i < times.Length; i++)
        {
            var clock = Stopwatch.StartNew();
            pass();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[1];
    }

    // Drafting stores the assembled document; its HTML is rendered when asked for: the timed unit is both, as the CLI
    // and the demo take them (the draft answered without its document, which they do not need).
    private static void GenerateBook(ReportingService.ReportingServiceClient reporting, int k, ReportView view = ReportView.Basic) =>
        Render(reporting, k, reporting.GenerateReportBook(new GenerateReportBookRequest { OrganisationCode = PartnershipHistory.Partnership(k), PeriodCode = "2025-04/P12M", View = view }, Analyst(k)));

    private static void GenerateQuarterly(ReportingService.ReportingServiceClient reporting, int k) =>
        Render(reporting, k, reporting.GenerateQuarterlyReport(new GenerateQuarterlyReportRequest { OrganisationCode = PartnershipHistory.Partnership(k), PeriodCode = "2026-01/P3M", View = ReportView.Basic }, Analyst(k)));

    private static void Render(ReportingService.ReportingServiceClient reporting, int k, GenerateReportResponse drafted)
    {
        var html = reporting.GetReportHtml(new GetReportHtmlRequest { ReportId = drafted.Report.Id }, Analyst(k));
        if (html.Content.Length == 0)
        {
            throw new InvalidOperationException("The report rendered empty.");
        }
    }

    private static Result RenderingBaseline(BenchOptions options)
    {
        var renderer = new HtmlReportRenderer();
        var sample = SampleReports.Book(new SampleBookOptions { PartnershipId = "bp1", PartnershipName = "Bench partnership", ContentAreas = 12, Measures = options.Measures, Years = options.Years, Seed = 1 });
        using var sink = new MemoryStream(16 * 1024 * 1024);
        return Timing.Measure(options.Runs, () =>
        {
            sink.SetLength(0);
            renderer.WriteHtml(sample, sink);
        });
    }

    // Where each organisation sits is provisioned by operators; the partnership's figures roll up from its agencies'.
    private static async Task ProvisionAsync(ReportingService.ReportingServiceClient reporting, int k)
    {
        var partnership = PartnershipHistory.Partnership(k);
        await reporting.SetReportingProfileAsync(new SetReportingProfileRequest
        {
            Profile = new ReportingProfile
            {
                OrganisationCode = partnership, Name = "Bench partnership " + k.ToString(CultureInfo.InvariantCulture), Kind = OrganisationKind.Partnership, ParentCode = "E12000007",
                StrategicPriorities = { new StrategicPriority { Kind = PriorityKind.ThemedPriorityArea, Title = "Priority one", ContentAreaId = "area-1" } },
            },
        }, Operator(partnership));
        for (var j = 0; j < PartnershipHistory.Agencies; j++)
        {
            var agency = PartnershipHistory.Agency(k, j);
            await reporting.SetReportingProfileAsync(new SetReportingProfileRequest
            {
                Profile = new ReportingProfile { OrganisationCode = agency, Name = "Bench agency " + agency, Kind = OrganisationKind.Agency, ParentCode = partnership },
            }, Operator(agency));
        }
    }

    private static async Task CreateActionsAsync(ActionsRegisterService.ActionsRegisterServiceClient register, int k, int measures)
    {
        for (var i = 0; i < RegisterActions; i++)
        {
            var agreed = PartnershipHistory.LastMonth.AddMonths(-(i % 36));
            var completed = i % 4 == 0;
            await register.CreateActionAsync(new CreateActionRequest
            {
                Action = new RegisterAction
                {
                    OrganisationCode = PartnershipHistory.Partnership(k), PartnershipCode = PartnershipHistory.Partnership(k), Source = RegisterActionSource.Other,
                    Description = "Bench action " + i.ToString(CultureInfo.InvariantCulture),
                    AgreedOn = Day(agreed), DueOn = Day(agreed.AddMonths(6)),
                    Status = completed ? RegisterActionStatus.Completed : RegisterActionStatus.InProgress,
                    CompletedOn = completed ? Day(agreed.AddMonths(5)) : "",
                    EvidenceOfCompletion = completed ? "Done and checked." : "",
                    MeasureId = PartnershipHistory.MeasureId(i % measures), ContentAreaId = "area-" + (i % measures % 12).ToString(CultureInfo.InvariantCulture),
                },
            }, Analyst(k));
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CallOptions Analyst(int k) =>
        new(DevelopmentTokens.Headers(BenchCaller.DevelopmentKey, "bench-analyst", PartnershipHistory.Partnership(k), ["analyst"]), DateTime.UtcNow + TimeSpan.FromMinutes(5));

    private static CallOptions Operator(string organisation) =>
        new(DevelopmentTokens.Headers(BenchCaller.DevelopmentKey, "bench-operator", organisation, ["operator"]), DateTime.UtcNow + TimeSpan.FromMinutes(5));

}
