using System.Net;

namespace Safeguarding.Surveys.Pages;

/// <summary>
/// The respondent's address for the pages' rate limit. A request from a trusted proxy (the gateway:
/// <c>Surveys:Pages:TrustedProxies</c>, addresses or networks such as <c>10.0.0.0/8</c>; default loopback only) is
/// counted by the one address the gateway puts in <c>X-Forwarded-For</c>; from anywhere else the header is ignored
/// and the connection's address counts. So behind the gateway each respondent has their own limit (the gateway
/// limits them too), and a client that reaches the service directly cannot choose its own key.
/// </summary>
public sealed class ClientAddress
{
    private readonly IReadOnlyList<IPNetwork> _trusted;

    public ClientAddress(IEnumerable<string>? trustedProxies)
    {
        var configured = trustedProxies?.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        _trusted = configured is { Count: > 0 }
            ? [.. configured.Select(t => t.Contains('/', StringComparison.Ordinal) ? IPNetwork.Parse(t.Trim()) : Host(IPAddress.Parse(t.Trim())))]
            : [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];
    }

    public string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var connection = Normal(http.Connection.RemoteIpAddress);
        if (connection is null)
        {
            return "unknown";
        }

        if (_trusted.Any(n => n.Contains(connection))
            && http.Request.Headers["X-Forwarded-For"] is { Count: 1 } forwarded
            && IPAddress.TryParse(forwarded.ToString().Trim(), out var client))
        {
            return "client:" + Normal(client);
        }

        return connection.ToString();
    }

    private static IPAddress? Normal(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;

    private static IPNetwork Host(IPAddress address) => new(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
}
