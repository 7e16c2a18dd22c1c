using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Safeguarding.Measures.Domain;

/// <summary>
/// Content fingerprints and deterministic ids, so re-importing the same figures is recognised and
/// changes nothing, whatever the file was called or when it was run. The fingerprint is the SHA-256 of
/// "key|state|numerator|denominator|amount|rounding" (numbers without trailing zeros, "-" for none);
/// it is built in stack buffers because imports compute one per observation.
/// </summary>
public static class ObservationFingerprint
{
    public const int Size = 32;

    // Separators, version, state, three decimals and the rounding take at most this much besides the key's texts.
    private const int FixedChars = 160;

    // Longer canonical forms (very long breakdown keys) are built on the heap instead of the stack.
    private const int MaxStackChars = 1024;

    /// <summary>The fingerprint as lower-case hex.</summary>
    public static string Compute(Observation observation) => Convert.ToHexStringLower(Hash(observation));

    public static byte[] Hash(Observation observation)
    {
        var hash = new byte[Size];
        Hash(observation, hash);
        return hash;
    }

    public static void Hash(Observation observation, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(observation);
        Hash(observation.Key, observation.Value, observation.RoundedToNearest, destination);
    }

    /// <summary>The fingerprint of an observation not built yet (the importer derives its id from it).</summary>
    public static void Hash(ObservationKey key, ObservationValue value, int? roundedToNearest, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        // Sized to the observation: stack buffers are zeroed, and zeroing a fixed large one cost more than hashing.
        var length = FixedChars + key.OrganisationCode.Length + key.Measure.MeasureId.Length + key.Period.Code.Length + key.Breakdown.Key.Length;
        var chars = length <= MaxStackChars ? stackalloc char[length] : new char[length];
        var written = Canonical(key, value, roundedToNearest, chars);
        var byteCount = Encoding.UTF8.GetMaxByteCount(written);
        var bytes = byteCount <= MaxStackChars * 3 ? stackalloc byte[byteCount] : new byte[byteCount];
        var count = Encoding.UTF8.GetBytes(chars[..written], bytes);
        SHA256.HashData(bytes[..count], destination);
    }

    /// <summary>A stable id from text (RFC 9562 version 8 layout over SHA-256).</summary>
    public static Guid DeterministicId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> hash = stackalloc byte[Size];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return FromHash(hash);
    }

    /// <summary>
    /// The id an import gives an observation: the fingerprint's first 16 bytes in the version 8 layout. The
    /// fingerprint is already a SHA-256, so hashing it again (once per imported figure) would add nothing.
    /// </summary>
    public static Guid IdFromFingerprint(ReadOnlySpan<byte> fingerprint)
    {
        if (fingerprint.Length != Size)
        {
            throw new ArgumentException($"A fingerprint is {Size} bytes.", nameof(fingerprint));
        }

        Span<byte> bytes = stackalloc byte[16];
        fingerprint[..16].CopyTo(bytes);
        return FromHash(bytes);
    }

    private static int Canonical(ObservationKey key, ObservationValue value, int? roundedToNearest, Span<char> destination)
    {
        var measure = key.Measure;
        var written = 0;
        Append(destination, ref written, key.OrganisationCode);
        Append(destination, ref written, "|");
        Append(destination, ref written, measure.MeasureId);
        Append(destination, ref written, "@");
        AppendInt(destination, ref written, measure.Version);
        Append(destination, ref written, "|");
        Append(destination, ref written, key.Period.Code);
        Append(destination, ref written, "|");
        Append(destination, ref written, key.Breakdown.Key);
        Append(destination, ref written, "|");
        Append(destination, ref written, WireNames.ToWire(value.State));
        Append(destination, ref written, "|");
        AppendNumber(destination, ref written, value.Numerator);
        Append(destination, ref written, "|");
        AppendNumber(destination, ref written, value.Denominator);
        Append(destination, ref written, "|");
        AppendNumber(destination, ref written, value.Amount);
        Append(destination, ref written, "|");
        if (roundedToNearest is { } rounded)
        {
            AppendInt(destination, ref written, rounded);
        }
        else
        {
            Append(destination, ref written, "-");
        }

        return written;
    }

    private static void Append(Span<char> destination, ref int written, string text)
    {
        text.CopyTo(destination[written..]);
        written += text.Length;
    }

    private static void AppendInt(Span<char> destination, ref int written, int value)
    {
        value.TryFormat(destination[written..], out var count, default, CultureInfo.InvariantCulture);
        written += count;
    }

    // As ObservationValue.Format: no trailing zeros, so 12.50 and 12.5 hash the same.
    private static void AppendNumber(Span<char> destination, ref int written, decimal? value)
    {
        if (value is not { } number)
        {
            Append(destination, ref written, "-");
            return;
        }

        number.TryFormat(destination[written..], out var count, default, CultureInfo.InvariantCulture);
        var text = destination.Slice(written, count);
        if (text.Contains('.'))
        {
            count = text.TrimEnd('0').TrimEnd('.').Length;
        }

        written += count;
    }

    private static Guid FromHash(Span<byte> hash)
    {
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
