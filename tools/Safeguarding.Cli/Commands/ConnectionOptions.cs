using System.CommandLine;
using Safeguarding.Cli.Connect;
using Safeguarding.Cli.Embedded;
using AuthRoles = Safeguarding.Gateway.Auth.Roles;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// How a command reaches the platform: the gateway's address (default: the one a running `up` wrote
/// to its data folder), and who the user is — a bearer token, or an organisation and roles to mint a
/// development token for with the data folder's key.
/// </summary>
internal sealed class ConnectionOptions
{
    public Option<DirectoryInfo> Data { get; } = new("--data")
    {
        Description = "Data folder of the running platform (`up`): its endpoints and development key.",
        DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "data")),
    };

    public Option<Uri?> Gateway { get; } = new("--gateway") { Description = "The gateway's gRPC address (default: the running platform's)." };

    public Option<string?> Token { get; } = new("--token") { Description = "A bearer token to use instead of minting a development token (also SAFEGUARDING_TOKEN)." };

    public Option<string> Organisation { get; } = new("--organisation", "-o") { Description = "The organisation the call is for (its code, e.g. NB-CSC).", Required = true };

    public Option<string[]> Roles { get; } = RoleOption("The role(s) to act in when minting a development token.");

    public void AddTo(Command command)
    {
        command.Options.Add(Organisation);
        command.Options.Add(Roles);
        command.Options.Add(Data);
        command.Options.Add(Gateway);
        command.Options.Add(Token);
    }

    public GatewayConnection Open(ParseResult parse)
    {
        var data = parse.GetValue(Data)!;
        var gateway = parse.GetValue(Gateway) ?? EndpointsFile.GatewayAddress(data);
        var token = parse.GetValue(Token) ?? Environment.GetEnvironmentVariable("SAFEGUARDING_TOKEN");
        return string.IsNullOrWhiteSpace(token)
            ? GatewayConnection.WithDevelopmentKey(gateway, DevelopmentKey.Load(new FileInfo(Path.Combine(data.FullName, DevelopmentKey.FileName))))
            : GatewayConnection.WithToken(gateway, token.Trim());
    }

    public static Option<string[]> RoleOption(string description)
    {
        var option = new Option<string[]>("--role", "-r")
        {
            Description = description + " One of: " + string.Join(", ", AuthRoles.All) + ".",
            DefaultValueFactory = _ => [AuthRoles.Analyst],
            AllowMultipleArgumentsPerToken = true,
        };
        option.Validators.Add(result =>
        {
            foreach (var role in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!AuthRoles.IsKnown(role))
                {
                    result.AddError($"Unknown role '{role}'. Use one of: {string.Join(", ", AuthRoles.All)}.");
                }
            }
        });
        return option;
    }
}
