using System.Security.Cryptography;
using System.Text;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// A signed-in user's subject (the token's <c>sub</c>) as it may be stored: unchanged when it is a plain id that
/// names no one, otherwise a stable keyed pseudonym, <c>pseudo:</c> and 24 hex digits of HMAC-SHA256 over the
/// subject with a per-deployment key. A subject is a plain id when it has the shape of one (an ASCII letter or digit,
/// then letters, digits and <c>_ . @ : | -</c>, at most 128 characters; no spaces) and <see cref="PersonalDetails"/>
/// finds nothing in it. So "Jane Smith 9434765919", an e-mail address or an NHS number is never stored as it came,
/// the same subject always gets the same pseudonym (who did what stays traceable), and only the key's holder can
/// tell whose it is, by computing the pseudonym of a known subject. A subject that itself starts with
/// <c>pseudo:</c> is pseudonymised too, so no one can pass as another subject's pseudonym.
/// </summary>
public sealed class SubjectPseudonyms
{
    /// <summary>What every pseudonym starts with.</summary>
    public const string Prefix = "pseudo:";

    /// <summary>Shortest key accepted (256 bits).</summary>
    public const int MinimumKeyBytes = 32;

    private const int MaxIdLength = 128;

    private readonly byte[] _key;

    /// <param name="key">The deployment's key, at least <see cref="MinimumKeyBytes"/> bytes.</param>
    public SubjectPseudonyms(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"A subject pseudonym key needs at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>Pseudonyms keyed with a secret's UTF-8 bytes.</summary>
    public static SubjectPseudonyms FromSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return new SubjectPseudonyms(Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>Pseudonyms keyed with a key derived from another secret for one purpose (a development deployment's signing key).</summary>
    public static SubjectPseudonyms DerivedFrom(string secret, string purpose)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(purpose);
        return new SubjectPseudonyms(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("safeguarding subject pseudonyms: " + purpose)));
    }

    /// <summary>The subject as it may be stored: itself when it is a plain id, else its pseudonym.</summary>
    public string ForStorage(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return IsPlainId(subject) ? subject : Pseudonym(subject);
    }

    /// <summary>The subject's pseudonym, whatever it is.</summary>
    public string Pseudonym(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(subject)))[..24];
    }

    /// <summary>Whether <paramref name="subject"/> may be stored as it is.</summary>
    public static bool IsPlainId(string? subject) =>
        subject is { Length: > 0 and <= MaxIdLength }
        && char.IsAsciiLetterOrDigit(subject[0])
        && subject.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '@' or ':' or '|' or '-')
        && !subject.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
        && PersonalDetails.Find(subject) is null;
}
