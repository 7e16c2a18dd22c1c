using System.CommandLine;
using Safeguarding.Cli.Commands;

var root = new RootCommand("Safeguarding Platform: run the platform on this machine, seed the demo, import figures and write reports.");
root.Subcommands.Add(UpCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
return await root.Parse(args).InvokeAsync();
