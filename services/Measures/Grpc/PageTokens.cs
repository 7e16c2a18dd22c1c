using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Safeguarding.Measures.Application;
using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Grpc;

/// <summary>
/// Opaque page tokens: base64url of a keyset cursor (the last item's key) and a hash of the filters it
/// was issued for, so a token reused with other filters is refused instead of silently skipping rows.
/// </summary>
internal static class PageTokens
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static PageRequest Read(int pageSize, string pageToken, string filters, ValidationProblems problems)
    {
        if (pageSize < 0)
        {
            problems.Add("page_size", "must not be negative");
        }

        var size = pageSize == 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize);
        if (string.IsNullOrEmpty(pageToken))
        {
            return new PageRequest(null, size);
        }

        var cursor = Decode(pageToken, filters);
        if (cursor is null)
        {
            problems.Add("page_token", "is not a token this list issued for these filters; start again without one");
        }

        return new PageRequest(cursor, size);
    }

    public static string Write(string? cursor, string filters) =>
        cursor is null ? string.Empty : Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Hash(filters)}|{cursor}"));

    private static string? Decode(string token, string filters)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var separator = text.IndexOf('|', StringComparison.Ordinal);
            return separator > 0 && text[..separator] == Hash(filters) && separator < text.Length - 1 ? text[(separator + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Hash(string filters) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(filters)))[..16];
}
