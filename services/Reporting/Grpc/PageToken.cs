using System.Buffers.Text;
using System.Text;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Reporting.Grpc;

/// <summary>Keyset paging: the token is the last id of the previous page (ids are time-ordered), opaque to clients.</summary>
internal static class PageToken
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public static int Size(int requested, string field = "page_size") => requested switch
    {
        < 0 => throw RpcErrors.InvalidArgument(field, "must not be negative"),
        0 => DefaultSize,
        > MaxSize => MaxSize,
        _ => requested,
    };

    public static string? After(string token, string field = "page_token")
    {
        if (token.Length == 0)
        {
            return null;
        }

        try
        {
            var id = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return Guid.TryParse(id, out _) ? id : throw RpcErrors.InvalidArgument(field, "is not a token this service issued");
        }
        catch (FormatException)
        {
            throw RpcErrors.InvalidArgument(field, "is not a token this service issued");
        }
    }

    /// <summary>Trims a page read with one extra row and returns the token for the next, or "" at the end.</summary>
    public static string Next<T>(List<T> rows, int size, Func<T, string> id)
    {
        if (rows.Count <= size)
        {
            return "";
        }

        rows.RemoveRange(size, rows.Count - size);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(id(rows[^1])));
    }
}
