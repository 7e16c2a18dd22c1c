using System.Collections;
using System.Text;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// Custom call metadata (headers or trailers). Keys are lowercase; keys ending in "-bin" carry
/// bytes (base64 on the wire), all others carry printable ASCII strings.
/// </summary>
public sealed class Metadata : IEnumerable<Metadata.Entry>
{
    /// <summary>The suffix that marks a binary-valued key.</summary>
    public const string BinarySuffix = "-bin";

    private readonly List<Entry> _entries = [];

    /// <summary>Number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds an ASCII-valued entry.</summary>
    public Metadata Add(string key, string value)
    {
        _entries.Add(new Entry(key, value));
        return this;
    }

    /// <summary>Adds an entry.</summary>
    public Metadata Add(Entry entry)
    {
        _entries.Add(entry);
        return this;
    }

    /// <summary>Adds a binary-valued entry; the key must end in "-bin".</summary>
    public Metadata Add(string key, byte[] value)
    {
        _entries.Add(new Entry(key, value));
        return this;
    }

    /// <summary>The first entry with this key, or null.</summary>
    public Entry? Get(string key)
    {
        foreach (var entry in _entries)
        {
            if (entry.Key.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The first string value with this key, or null.</summary>
    public string? GetValue(string key) => Get(key)?.Value;

    /// <summary>Every entry with this key, in order.</summary>
    public IEnumerable<Entry> GetAll(string key) => _entries.Where(e => e.Key.Equals(key, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether a key names binary metadata.</summary>
    public static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Decodes a received wire value (base64 with or without padding for -bin keys).</summary>
    internal static Entry FromWire(string key, string value)
    {
        if (!IsBinaryKey(key))
        {
            return new Entry(key, value);
        }

        return new Entry(key, DecodeBase64(value));
    }

    internal static byte[] DecodeBase64(string value)
    {
        var trimmed = value.Trim();
        var padding = (4 - (trimmed.Length % 4)) % 4;
        return Convert.FromBase64String(padding == 0 ? trimmed : trimmed + new string('=', padding));
    }

    /// <summary>One metadata entry.</summary>
    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _bytes;

        /// <summary>Creates an ASCII entry.</summary>
        public Entry(string key, string value)
        {
            Key = ValidateKey(key);
            if (IsBinaryKey(Key))
            {
                throw new ArgumentException($"Key '{key}' ends in -bin and needs a byte[] value.", nameof(key));
            }

            foreach (var c in value)
            {
                if (c is < (char)0x20 or > (char)0x7E)
                {
                    throw new ArgumentException($"Metadata value for '{key}' must be printable ASCII.", nameof(value));
                }
            }

            _value = value;
        }

        /// <summary>Creates a binary entry.</summary>
        public Entry(string key, byte[] value)
        {
            Key = ValidateKey(key);
            if (!IsBinaryKey(Key))
            {
                throw new ArgumentException($"Binary metadata key '{key}' must end in -bin.", nameof(key));
            }

            _bytes = value;
        }

        /// <summary>The lowercase key.</summary>
        public string Key { get; }

        /// <summary>True for -bin entries.</summary>
        public bool IsBinary => _bytes is not null;

        /// <summary>The string value (for binary entries, its base64 form).</summary>
        public string Value => _value ?? Convert.ToBase64String(_bytes!);

        /// <summary>The value as bytes (for ASCII entries, their ASCII bytes).</summary>
        public byte[] ValueBytes => _bytes ?? Encoding.ASCII.GetBytes(_value!);

        /// <summary>The value as sent on the wire: base64 without padding for -bin keys.</summary>
        internal string WireValue => _value ?? Convert.ToBase64String(_bytes!).TrimEnd('=');

        private static string ValidateKey(string key)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            var lower = key.ToLowerInvariant();
            foreach (var c in lower)
            {
                if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
                {
                    throw new ArgumentException($"Metadata key '{key}' has an illegal character.", nameof(key));
                }
            }

            if (GrpcHeaders.IsReserved(lower))
            {
                throw new ArgumentException($"Metadata key '{key}' is reserved by the protocol.", nameof(key));
            }

            return lower;
        }
    }
}
