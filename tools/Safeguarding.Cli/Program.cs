using System.CommandLine;
using System.Runtime.InteropServices;
using Safeguarding.Cli.Commands;

var root = new RootCommand("Safeguarding Platform: run the platform on this machine, seed the demo, import figures, write reports and mint development tokens.");
root.Subcommands.Add(UpCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(TokenCommand.Create());
root.Subcommands.Add(SurveysCommand.Create());
root.Subcommands.Add(AuditsCommand.Create());
root.Subcommands.Add(CaseReviewsCommand.Create());
root.Subcommands.Add(ReturnsCommand.Create());

// Service managers and containers stop programs with SIGTERM: treat it as Ctrl+C, so `up` stops its
// services cleanly (databases closed, endpoints file removed) instead of being killed.
using var terminate = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    terminate.Cancel();
});
return await root.Parse(args).InvokeAsync(cancellationToken: terminate.Token);
