using Microsoft.Extensions.Logging;
using Safeguarding.Cli.Demo;
using Safeguarding.Cli.Embedded;
using Safeguarding.EndToEnd.Tests.Telemetry;

namespace Safeguarding.EndToEnd.Tests.Privacy;

/// <summary>
/// The README's demo, run in-process with every log record (down to Debug for our code) and every span
/// captured: the personal-data scan of all of it finds nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DemoPersonalDataScanTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("demo-scan-");

    [Fact]
    public async Task The_demo_leaves_no_personal_data_in_logs_or_spans()
    {
        var logs = new CapturedLogs();
        using var spans = new SpanCollector();
        var data = DemoRun.FreshDataFolder(_output);
        await using (var platform = await EmbeddedPlatform.StartAsync(data, CancellationToken.None, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Safeguarding"] = "Debug",
                ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Information",
            });
            builder.Logging.AddLogCapture(logs, "embedded");
        }))
        {
            var outcome = await DemoRun.RunAsync(platform, _output, (_, work) => work(SilentProgress.Instance), CancellationToken.None);
            Assert.Equal(12, outcome.Reports.Count); // five organisations' quarterly report and Report Book, and the London Board's two
            Assert.Equal(outcome.London.Asked, outcome.London.Answered);
        }

        // The capture really saw the run: requests through the gateway to both services, and their logs.
        Assert.True(logs.Count > 50, $"only {logs.Count} log records captured");
        Assert.Contains(spans.Spans, s => s.DisplayName.Contains("MeasuresService/RecordObservation", StringComparison.Ordinal));
        Assert.Contains(spans.Spans, s => s.DisplayName.Contains("ReportingService/GenerateReportBook", StringComparison.Ordinal));

        var findings = PersonalDataScanTests.Scanner.ScanAll(logs.Texts().Concat(spans.Texts()));

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings.Take(20)));
        // Control: the same scan flags a record carrying a child's details.
        Assert.NotEmpty(PersonalDataScanTests.Scanner.ScanAll([("control", $"referral for {PersonalDataScanTests.ChildName}, NHS {PersonalDataScanTests.NhsNumber}")]));
    }

    public void Dispose() => _output.Delete(recursive: true);
}
