using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Safeguarding.Measures.Domain;

/// <summary>
/// Content fingerprints and deterministic ids, so re-importing the same figures is recognised and
/// changes nothing, whatever the file was called or when it was run.
/// </summary>
public static class ObservationFingerprint
{
    public static string Compute(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var value = observation.Value;
        var canonical = string.Join('|',
            observation.Key.Canonical,
            WireNames.ToWire(value.State),
            Number(value.Numerator),
            Number(value.Denominator),
            Number(value.Amount),
            observation.RoundedToNearest?.ToString(CultureInfo.InvariantCulture) ?? "-");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>A stable id from text (RFC 9562 version 8 layout over SHA-256).</summary>
    public static Guid DeterministicId(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static string Number(decimal? value) => value is null ? "-" : ObservationValue.Format(value.Value);
}
