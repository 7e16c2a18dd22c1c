using System.Net;
using Microsoft.AspNetCore.Http;
using Safeguarding.Surveys.Pages;

namespace Safeguarding.Surveys.Tests.Unit;

public sealed class ClientAddressTests
{
    private static DefaultHttpContext Request(string from, params string[] forwarded)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(from);
        if (forwarded.Length > 0)
        {
            http.Request.Headers["X-Forwarded-For"] = forwarded;
        }

        return http;
    }

    [Fact]
    public void The_forwarded_address_counts_only_from_a_trusted_proxy()
    {
        var clients = new ClientAddress(["10.1.0.0/16", "192.0.2.5"]);

        Assert.Equal("client:198.51.100.7", clients.Of(Request("10.1.4.2", "198.51.100.7")));
        Assert.Equal("client:198.51.100.7", clients.Of(Request("192.0.2.5", "198.51.100.7")));
        // Anyone else choosing their own key is ignored.
        Assert.Equal("203.0.113.1", clients.Of(Request("203.0.113.1", "198.51.100.7")));
        // A list (a chain the gateway never sends) or rubbish is not believed.
        Assert.Equal("10.1.4.2", clients.Of(Request("10.1.4.2", "198.51.100.7", "198.51.100.8")));
        Assert.Equal("10.1.4.2", clients.Of(Request("10.1.4.2", "not an address")));
    }

    [Fact]
    public void Loopback_is_trusted_when_nothing_is_configured()
    {
        var clients = new ClientAddress(null);

        Assert.Equal("client:198.51.100.7", clients.Of(Request("127.0.0.1", "198.51.100.7")));
        Assert.Equal("client:198.51.100.7", clients.Of(Request("::ffff:127.0.0.1", "198.51.100.7")));
        Assert.Equal("10.0.0.3", clients.Of(Request("10.0.0.3", "198.51.100.7")));
    }
}
