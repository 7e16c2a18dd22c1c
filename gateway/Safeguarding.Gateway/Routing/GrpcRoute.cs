namespace Safeguarding.Gateway.Routing;

/// <summary>
/// What a gRPC path says about where a call goes: "/safeguarding.measures.v1.MeasuresService/GetMeasure"
/// is RPC GetMeasure of service area "measures" (the package's second part, by the protos' layout
/// safeguarding.&lt;area&gt;.v&lt;N&gt;), which the registry maps to an instance per organisation.
/// </summary>
public sealed record GrpcRoute(string Service, string Method, string Area)
{
    public static bool TryParse(string? path, out GrpcRoute route)
    {
        route = null!;
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            return false;
        }

        var slash = path.IndexOf('/', 1);
        if (slash < 0 || slash == path.Length - 1 || path.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        var service = path[1..slash];
        var parts = service.Split('.');
        if (parts.Length < 4 || parts[0] != "safeguarding" || !IsVersion(parts[^2]) || parts[1].Length == 0)
        {
            return false;
        }

        route = new GrpcRoute(service, path[(slash + 1)..], parts[1]);
        return true;
    }

    private static bool IsVersion(string part) =>
        part.Length >= 2 && part[0] == 'v' && char.IsAsciiDigit(part[1]);
}
