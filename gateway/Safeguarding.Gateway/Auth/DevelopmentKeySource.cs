using Microsoft.IdentityModel.Tokens;

namespace Safeguarding.Gateway.Auth;

/// <summary>The one HS256 key tokens minted by <see cref="DevelopmentTokens"/> are signed with.</summary>
internal sealed class DevelopmentKeySource(string key, string? issuer) : ISigningKeySource
{
    private readonly IReadOnlyList<SecurityKey> _keys = [DevelopmentTokens.SigningKey(key)];

    public string Issuer { get; } = string.IsNullOrWhiteSpace(issuer) ? DevelopmentTokens.Issuer : issuer;

    public IReadOnlyCollection<string> Algorithms { get; } = [SecurityAlgorithms.HmacSha256];

    public ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_keys);

    public ValueTask<bool> RefreshAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);
}
