using System.Globalization;
using System.Text;

namespace Safeguarding.Reporting.Rendering.Layout;

/// <summary>
/// Hands out element ids that are unique within a document and depend only on the document,
/// so the same document always gets the same ids (and links, CSV names) in the same order.
/// </summary>
internal sealed class IdRegistry
{
    private const int MaxSlugLength = 48;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public IdRegistry(params ReadOnlySpan<string> reserved)
    {
        foreach (var id in reserved)
        {
            _used.Add(id);
        }
    }

    /// <summary>
    /// Returns <c>prefix-slug</c>, suffixed -2, -3... if it, or it with any of <paramref name="derived"/>
    /// appended, is already taken; the derived ids are claimed too.
    /// </summary>
    public string Claim(string prefix, string? name, params ReadOnlySpan<string> derived)
    {
        var slug = Slug(name);
        var baseId = slug.Length == 0 ? prefix : prefix + "-" + slug;
        var id = baseId;
        for (var n = 2; !IsFree(id, derived); n++)
        {
            id = baseId + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        _used.Add(id);
        foreach (var suffix in derived)
        {
            _used.Add(id + suffix);
        }

        return id;
    }

    private bool IsFree(string id, ReadOnlySpan<string> derived)
    {
        if (_used.Contains(id))
        {
            return false;
        }

        foreach (var suffix in derived)
        {
            if (_used.Contains(id + suffix))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lower-case ASCII letters and digits joined by single hyphens.</summary>
    public static string Slug(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(name.Length, MaxSlugLength));
        var pendingHyphen = false;
        foreach (var c in name)
        {
            if (builder.Length >= MaxSlugLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return builder.ToString();
    }
}
