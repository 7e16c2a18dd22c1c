using System.CommandLine;
using Safeguarding.Cli.Connect;
using Safeguarding.Cli.Demo;
using Safeguarding.Cli.Embedded;
using Safeguarding.Platform.Grpc;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>`demo`: up, seed a fictional partnership, import London comparators, write the reports, summarise.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var outOption = new Option<DirectoryInfo>("--out")
        {
            Description = "Where the reports and the demo's databases are written.",
            DefaultValueFactory = _ => new DirectoryInfo("out"),
        };
        var serveOption = new Option<bool>("--serve") { Description = "Keep serving after the demo (Ctrl+C to stop)." };
        var command = new Command("demo", "Run the platform, seed the fictional Northbridge partnership with three years of figures, import London comparators and write the reports to out/.");
        command.Options.Add(outOption);
        command.Options.Add(serveOption);
        command.SetAction((parse, cancellationToken) =>
            CommandOutcome.RunAsync(() => RunAsync(parse.GetValue(outOption)!, parse.GetValue(serveOption), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo output, bool serve, CancellationToken cancellationToken)
    {
        // A fresh data folder each run: the demo is reproducible and never mixes in an old run's figures.
        var data = new DirectoryInfo(Path.Combine(output.FullName, "data"));
        if (data.Exists)
        {
            data.Delete(recursive: true);
        }

        await using var platform = await EmbeddedPlatform.StartAsync(data, cancellationToken);
        UpCommand.PrintEndpoints(platform);

        // Everything below goes through the gateway with development tokens, as users' tools would.
        using var gateway = GatewayConnection.WithDevelopmentKey(platform.GatewayAddress, platform.DevelopmentKey);
        DemoSeedSummary seeded = null!;
        await AnsiConsole.Status().StartAsync("Seeding the Northbridge partnership...", async status =>
        {
            var seeder = new DemoSeeder(gateway, message =>
            {
                AnsiConsole.MarkupLineInterpolated($"[green]✓[/] {message}");
                status.Status("Seeding the Northbridge partnership...");
            });
            seeded = await seeder.SeedAsync(DemoFixture(), cancellationToken);
        });

        // Events reach reporting asynchronously (outbox, then the in-process broker): let them land.
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        IReadOnlyList<FileInfo> reports = [];
        await AnsiConsole.Status().StartAsync("Writing the reports...", async _ =>
        {
            using var provisioning = GrpcChannel.ForAddress(platform.Get("reporting").GrpcAddress);
            reports = await new DemoReports(gateway, provisioning, message => AnsiConsole.MarkupLineInterpolated($"[green]✓[/] {message}"))
                .WriteAsync(output, cancellationToken);
        });

        DemoLondonSummary london = null!;
        await AnsiConsole.Status().StartAsync("Asking the gateway for the London picture...", async _ =>
            london = await new DemoLondonView(gateway).AskAsync(cancellationToken));

        var summary = new Table().AddColumns("what", "how many");
        summary.AddRow("agencies", DemoPartnership.Agencies.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("content areas adopted", seeded.ContentAreas.ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("measures (library)", seeded.Measures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("monthly figures recorded", seeded.Figures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("London comparator figures", (seeded.London?.ObservationsRecorded ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("reports written", reports.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("London organisations answering the gateway", $"{london.Answered} of {london.Asked}");
        AnsiConsole.Write(summary);
        foreach (var report in reports)
        {
            AnsiConsole.MarkupLineInterpolated($"  {report.FullName}");
        }

        AnsiConsole.MarkupLineInterpolated($"London re-referrals within 12 months, latest London total (disclosure-controlled): {london.LondonLatest ?? "not available"}");
        AnsiConsole.MarkupLineInterpolated($"{DemoLondonView.ComparedBorough} ranks {london.BoroughRank ?? "(not ranked)"} among London's partnerships on that measure.");
        AnsiConsole.MarkupLineInterpolated($"Data: {data.FullName}");

        if (serve)
        {
            AnsiConsole.MarkupLine("[grey]Serving. Press Ctrl+C to stop.[/]");
            await UpCommand.WaitForCtrlCAsync(cancellationToken);
        }

        return 0;
    }

    private static FileInfo DemoFixture() =>
        new(Path.Combine(AppContext.BaseDirectory, "Demo", "Data", "c1_children_in_need_referrals_and_rereferrals_2013_to_2025_london.csv"));
}
