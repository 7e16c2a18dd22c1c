using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Safeguarding.Platform.Grpc;

/// <summary>HS256 keys from shared secrets (development tokens, target grants).</summary>
public static class SigningKeys
{
    /// <summary>Shortest secret accepted: HS256 needs 256 bits.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>The HS256 key for a secret; refuses short secrets.</summary>
    public static SymmetricSecurityKey Symmetric(string secret, string keyId)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var bytes = Encoding.UTF8.GetBytes(secret);
        if (bytes.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"A signing secret needs at least {MinimumKeyBytes} bytes.", nameof(secret));
        }

        return new SymmetricSecurityKey(bytes) { KeyId = keyId };
    }
}
