using System.Security.Cryptography;
using System.Text;

namespace Safeguarding.Surveys.Application;

/// <summary>
/// One-time invitation codes: 16 characters of Crockford base32 from a cryptographic random source (80 bits),
/// printed in groups of four for paper-to-web ("7KQ2-M9XD-4RTB-HW3C"). Short enough to type from a letter, far too
/// many to guess (the respondent route is rate-limited too). The service keeps only the SHA-256 of the normalised
/// code, so a copy of the database opens no survey.
/// </summary>
public static class InvitationCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 16;

    public static string New()
    {
        Span<byte> random = stackalloc byte[Length];
        RandomNumberGenerator.Fill(random);
        var chars = new char[Length + 3];
        var j = 0;
        for (var i = 0; i < Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                chars[j++] = '-';
            }

            chars[j++] = Alphabet[random[i] & 31]; // 256 is a multiple of 32: no bias
        }

        return new string(chars);
    }

    /// <summary>The code as typed, normalised (case, spaces, dashes, and O/I/L read as 0/1/1), or null if it cannot be one.</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c) switch { 'O' => '0', 'I' or 'L' => '1', var other => other };
            if (!Alphabet.Contains(upper, StringComparison.Ordinal) || builder.Length == Length)
            {
                return null;
            }

            builder.Append(upper);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }

    public static string Hash(string normalised) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalised)));
}
