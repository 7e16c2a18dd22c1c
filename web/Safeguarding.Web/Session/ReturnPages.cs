namespace Safeguarding.Web.Session;

/// <summary>Where a person may be sent back to after signing in: only this site's own pages.</summary>
public static class ReturnPages
{
    // Never another site, never a protocol-relative or backslash address, never a sign-in page again.
    public static bool IsOwnPage(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.StartsWith("/sign-", StringComparison.Ordinal);

    public static string OwnOrHome(string? url) => IsOwnPage(url) ? url! : "/";
}
