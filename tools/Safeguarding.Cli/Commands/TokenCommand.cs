using Safeguarding.Platform.Grpc;
using System.CommandLine;
using Safeguarding.Cli.Connect;
using Safeguarding.Cli.Embedded;
using Safeguarding.Gateway.Auth;

namespace Safeguarding.Cli.Commands;

/// <summary>`token`: mint a development token for a role and organisation, signed with the running platform's key.</summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var organisation = new Option<string>("--organisation", "-o") { Description = "The organisation the user belongs to (its code, e.g. NB-CSC or E12000007).", Required = true };
        var roles = ConnectionOptions.RoleOption("The user's role(s).");
        var user = new Option<string?>("--user") { Description = "An opaque user id for the token's subject (never a name; default: dev-<roles>-<organisation>)." };
        var lifetime = new Option<TimeSpan>("--lifetime") { Description = "How long the token is valid (e.g. 01:00:00).", DefaultValueFactory = _ => TimeSpan.FromHours(8) };
        var data = new Option<DirectoryInfo>("--data") { Description = "Data folder holding the development key.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "data")) };
        var keyFile = new Option<FileInfo?>("--key-file") { Description = "The development key file (default: <data>/development-key)." };
        lifetime.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<TimeSpan>() is var value && (value <= TimeSpan.Zero || value > TimeSpan.FromDays(7)))
            {
                result.AddError("--lifetime must be positive and at most 7 days.");
            }
        });

        var command = new Command("token", "Mint a development bearer token for a role and organisation (local platforms only: `up` or `demo --serve`). Prints only the token.");
        foreach (var option in new Option[] { organisation, roles, user, lifetime, data, keyFile })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, _) => CommandOutcome.RunAsync(() =>
        {
            var key = DevelopmentKey.Load(parse.GetValue(keyFile) ?? new FileInfo(Path.Combine(parse.GetValue(data)!.FullName, DevelopmentKey.FileName)));
            var code = parse.GetValue(organisation)!.Trim();
            var granted = parse.GetValue(roles)!.Distinct(StringComparer.Ordinal).ToArray();
            var subject = parse.GetValue(user) ?? GatewayConnection.DevelopmentUserId(code, granted);
            Console.Out.WriteLine(DevelopmentTokens.Mint(subject, code, granted, parse.GetValue(lifetime), key));
            return Task.FromResult(0);
        }));
        return command;
    }
}
