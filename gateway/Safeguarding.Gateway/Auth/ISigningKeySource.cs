using Microsoft.IdentityModel.Tokens;

namespace Safeguarding.Gateway.Auth;

/// <summary>Where token signing keys come from: a development secret or an OIDC issuer's JWKS.</summary>
public interface ISigningKeySource
{
    /// <summary>The issuer tokens must name.</summary>
    string Issuer { get; }

    /// <summary>Algorithms accepted for this source's keys.</summary>
    IReadOnlyCollection<string> Algorithms { get; }

    /// <summary>The current keys (cached); throws <see cref="SigningKeysUnavailableException"/> when none could ever be loaded.</summary>
    ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken);

    /// <summary>Fetches keys again after a token named an unknown key (throttled); true when the keys changed.</summary>
    ValueTask<bool> RefreshAsync(CancellationToken cancellationToken);
}

/// <summary>No signing keys could be loaded: tokens cannot be checked (the caller is not at fault).</summary>
public sealed class SigningKeysUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
