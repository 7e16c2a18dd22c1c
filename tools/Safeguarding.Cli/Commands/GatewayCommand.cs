using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using Safeguarding.Cli.Connect;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// One subcommand that calls a service through the gateway: its arguments and options, the connection options
/// (gateway, organisation, roles with a service-specific default) and the outcome handling every command shares.
/// </summary>
internal static class GatewayCommand
{
    public static Command Define<TClient>(
        string name,
        string description,
        Argument[] arguments,
        Option[] options,
        string defaultRole,
        Func<GrpcChannel, TClient> client,
        Func<ParseResult, TClient, CallOptions, string, Task> work)
    {
        var command = new Command(name, description);
        var connection = new ConnectionOptions();
        foreach (var argument in arguments)
        {
            command.Arguments.Add(argument);
        }

        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        connection.AddTo(command);
        // The service's usual role by default, rather than the connection's analyst.
        connection.Roles.DefaultValueFactory = _ => [defaultRole];
        command.SetAction((parse, cancellationToken) => CommandOutcome.RunAsync(async () =>
        {
            using GatewayConnection gateway = connection.Open(parse);
            var organisation = parse.GetValue(connection.Organisation)!;
            var callOptions = gateway.As(organisation, parse.GetValue(connection.Roles)!, cancellationToken);
            await work(parse, client(gateway.Channel), callOptions, organisation);
            return 0;
        }));
        return command;
    }
}
