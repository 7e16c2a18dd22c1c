using System.CommandLine;
using Safeguarding.Cli.Commands;

var root = new RootCommand("Safeguarding Platform: run the platform on this machine, seed the demo, import figures, write reports and mint development tokens.");
root.Subcommands.Add(UpCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(TokenCommand.Create());
return await root.Parse(args).InvokeAsync();
