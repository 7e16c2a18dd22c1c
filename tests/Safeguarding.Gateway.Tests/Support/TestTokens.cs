using Safeguarding.Platform.Grpc;
using Safeguarding.Gateway.Auth;

namespace Safeguarding.Gateway.Tests.Support;

/// <summary>Development tokens for test callers.</summary>
public static class TestTokens
{
    public const string Key = "gateway-tests-development-key-0123456789";

    public static string For(string user, string organisation, params string[] roles) =>
        DevelopmentTokens.Mint(user, organisation, roles, TimeSpan.FromMinutes(10), Key);
}
