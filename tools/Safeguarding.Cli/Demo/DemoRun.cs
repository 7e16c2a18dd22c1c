using Safeguarding.Reporting.V1;
using Grpc.Net.Client;
using Safeguarding.Cli.Connect;
using Safeguarding.Cli.Embedded;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Cli.Demo;

/// <summary>
/// The demo's work on a running embedded platform, all through the gateway with development tokens:
/// seed the partnership, write the reports, ask for London's picture. The `demo` command shows it with
/// progress; tests run it with their own log and span capture.
/// </summary>
internal static class DemoRun
{
    /// <summary>Runs one titled step, showing its progress as the caller likes.</summary>
    public delegate Task Step(string title, Func<IDemoProgress, Task> work);

    public static FileInfo LondonFixture { get; } =
        new(Path.Combine(AppContext.BaseDirectory, "Demo", "Data", "c1_children_in_need_referrals_and_rereferrals_2013_to_2025_london.csv"));

    /// <summary>The output's data folder, emptied: the demo is reproducible and never mixes in an old run's figures.</summary>
    public static DirectoryInfo FreshDataFolder(DirectoryInfo output)
    {
        var data = new DirectoryInfo(Path.Combine(output.FullName, "data"));
        if (data.Exists)
        {
            data.Delete(recursive: true);
        }

        return data;
    }

    public static async Task<DemoOutcome> RunAsync(EmbeddedPlatform platform, DirectoryInfo output, Step step, CancellationToken cancellationToken)
    {
        using var gateway = GatewayConnection.WithDevelopmentKey(platform.GatewayAddress, platform.DevelopmentKey);
        DemoSeedSummary seeded = null!;
        await step("Seeding the Northbridge partnership...", async report =>
            seeded = await new DemoSeeder(gateway, report).SeedAsync(LondonFixture, cancellationToken));

        await step("Running the surveys...", async report => await new DemoSurveys(gateway, report).RunAsync(cancellationToken));
        await step("Sharing a story with the London Board...", async report => await new DemoSharedVoice(gateway, report).RunAsync(cancellationToken));
        DemoAuditsSummary audits = null!;
        await step("Auditing child protection cases...", async report => audits = await new DemoAudits(gateway, report).RunAsync(cancellationToken));
        await step("Running the case reviews...", async report => await new DemoCaseReviews(gateway, report).RunAsync(cancellationToken));
        await step("Planning the QA year...", async report => await new DemoQaPlan(gateway, report).RunAsync(audits, cancellationToken));
        DemoStorySummary story = null!;
        await step("Setting out the quarter's story...", async report =>
        {
            using var provisioning = GrpcChannel.ForAddress(platform.Get("reporting").GrpcAddress);
            story = await new DemoStory(gateway, new DemoProfiles(gateway, new ReportingService.ReportingServiceClient(provisioning)), report).RunAsync(audits, cancellationToken);
        });

        // Events reach reporting asynchronously (outbox, then the in-process broker): let them land.
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        await step("Agreeing actions and the quarter's findings...", async report => await new DemoActions(gateway, report).RunAsync(audits.ProgrammeId, cancellationToken));
        await step("Turning the Curve on re-referrals...", async report => await new DemoTurningTheCurve(gateway, report).RunAsync(cancellationToken));
        await step("Returning the London common dataset...", async report => await new DemoReturns(gateway, report).RunAsync(cancellationToken));
        IReadOnlyList<FileInfo> reports = [];
        await step("Writing the reports...", async report => reports = await new DemoReports(gateway, report).WriteAsync(output, cancellationToken));

        DemoLondonSummary london = null!;
        await step("Asking the gateway for the London picture...", async report =>
        {
            london = await new DemoLondonView(gateway).AskAsync(cancellationToken);
            report.Advance(1);
        });
        await step("Writing the London Board's quarterly report and Report Book...", async report =>
        {
            using var provisioning = GrpcChannel.ForAddress(platform.Get("reporting").GrpcAddress);
            reports = [.. reports, .. await new DemoRegionReport(gateway, new ReportingService.ReportingServiceClient(provisioning)).WriteAsync(output, cancellationToken)];
            report.Advance(1);
        });
        return new DemoOutcome(seeded, reports, london) { Audits = audits, Story = story };
    }
}

/// <summary>What the demo did.</summary>
internal sealed record DemoOutcome(DemoSeedSummary Seeded, IReadOnlyList<FileInfo> Reports, DemoLondonSummary London)
{
    public DemoAuditsSummary? Audits { get; init; }

    public DemoStorySummary? Story { get; init; }
}
