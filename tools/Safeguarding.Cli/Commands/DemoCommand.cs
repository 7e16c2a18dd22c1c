using System.CommandLine;
using Safeguarding.Cli.Demo;
using Safeguarding.Cli.Embedded;
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
        var data = DemoRun.FreshDataFolder(output);
        await using var platform = await EmbeddedPlatform.StartAsync(data, cancellationToken);
        UpCommand.PrintEndpoints(platform);
        var outcome = await DemoRun.RunAsync(platform, output, ShowAsync, cancellationToken);
        var (seeded, reports, london) = outcome;

        var summary = new Table().AddColumns("what", "how many");
        summary.AddRow("agencies", DemoPartnership.Agencies.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("content areas adopted", seeded.ContentAreas.ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("measures (library)", seeded.Measures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("monthly figures recorded", seeded.Figures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("London comparator figures", (seeded.London?.ObservationsRecorded ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("case audits (moderated)", $"{outcome.Audits?.CaseAudits ?? 0} ({outcome.Audits?.Moderated ?? 0})");
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

    // A progress bar per step, with each finished piece of work listed above it.
    private static Task ShowAsync(string title, Func<IDemoProgress, Task> work) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context => await work(new BarProgress(context.AddTask(Markup.Escape(title.TrimEnd('.'))))));

    private sealed class BarProgress(ProgressTask task) : IDemoProgress
    {
        public void Done(string message) => AnsiConsole.MarkupLineInterpolated($"[green]✓[/] {message}");

        public void Advance(double fraction) => task.Value = Math.Clamp(fraction, 0, 1) * task.MaxValue;
    }
}
