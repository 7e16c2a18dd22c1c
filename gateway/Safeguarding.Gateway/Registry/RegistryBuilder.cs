using System.Text.RegularExpressions;

namespace Safeguarding.Gateway.Registry;

/// <summary>
/// Validates configured options and builds a snapshot: unique well-formed codes, the right kind at
/// each level, instances that exist, thresholds of at least 1. Every problem is collected so a bad
/// edit is reported whole.
/// </summary>
internal static partial class RegistryBuilder
{
    public const int DefaultThreshold = 5;

    public static (RegistrySnapshot? Snapshot, IReadOnlyList<string> Problems) Build(RegistryOptions options, long version)
    {
        var problems = new List<string>();
        var instances = new Dictionary<string, ServiceInstance>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, address) in options.Instances)
        {
            if (TryAddress(address, out var uri))
            {
                instances[name] = new ServiceInstance(name, uri);
            }
            else
            {
                problems.Add($"instance '{name}': '{address}' is not an http(s) address");
            }
        }

        if (options.Region is null)
        {
            problems.Add("no Region is configured");
            return (null, problems);
        }

        var organisations = new List<Organisation>();
        var context = new BuildContext(instances, problems, organisations);
        var region = Add(context, options.Region, OrganisationKind.Region, parent: null, "Region");
        if (problems.Count > 0 || region is null)
        {
            return (null, problems);
        }

        var used = organisations.SelectMany(o => o.Services.Values).ToList();
        var all = instances.Values.Concat(used).DistinctBy(i => (i.Name, i.Address)).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        return (new RegistrySnapshot(region, organisations, all, version), problems);
    }

    private static Organisation? Add(BuildContext context, OrganisationOptions options, OrganisationKind kind, Organisation? parent, string path)
    {
        var problems = context.Problems;
        var code = options.Code?.Trim() ?? string.Empty;
        if (!CodePattern().IsMatch(code))
        {
            problems.Add($"{path}: code '{code}' must be 1-64 letters, digits, '-' or '_', starting and ending with a letter or digit");
            return null;
        }

        path = $"{path}({code})";
        if (!context.Codes.Add(code))
        {
            problems.Add($"{path}: code is used more than once");
        }

        if (options.DisclosureThreshold is < 1)
        {
            problems.Add($"{path}: DisclosureThreshold must be at least 1");
        }

        var services = new Dictionary<string, ServiceInstance>(parent?.Services ?? new Dictionary<string, ServiceInstance>(), StringComparer.Ordinal);
        foreach (var (service, target) in options.Services)
        {
            if (context.Instances.TryGetValue(target, out var instance))
            {
                services[service.ToLowerInvariant()] = instance;
            }
            else if (TryAddress(target, out var uri))
            {
                services[service.ToLowerInvariant()] = new ServiceInstance(target, uri);
            }
            else
            {
                problems.Add($"{path}: service '{service}' names '{target}', which is neither an instance nor an http(s) address");
            }
        }

        var (children, childKind, childName) = kind switch
        {
            OrganisationKind.Region => (options.Partnerships, OrganisationKind.Partnership, "Partnerships"),
            OrganisationKind.Partnership => (options.Agencies, OrganisationKind.Agency, "Agencies"),
            OrganisationKind.Agency => (options.Units, OrganisationKind.Team, "Units"),
            _ => (options.Units, OrganisationKind.Team, "Units"),
        };
        ReportMisplacedChildren(problems, path, kind, options);
        if (kind is OrganisationKind.Team or OrganisationKind.Locality && options.Units.Count > 0)
        {
            problems.Add($"{path}: a team or locality has no units of its own");
            children = [];
        }

        var organisation = new Organisation
        {
            Code = code,
            Name = string.IsNullOrWhiteSpace(options.Name) ? code : options.Name.Trim(),
            Kind = kind == OrganisationKind.Team ? ParseUnitKind(options.Kind, problems, path) : kind,
            ParentCode = parent?.Code,
            ChildCodes = [.. children.Select(c => c.Code?.Trim() ?? string.Empty)],
            // Units inherit their agency's sharing: their rows are the agency's rows.
            SharesWithPartnership = kind switch
            {
                OrganisationKind.Agency => options.SharesWithPartnership,
                OrganisationKind.Team => parent?.SharesWithPartnership ?? false,
                _ => false,
            },
            DisclosureThreshold = options.DisclosureThreshold ?? parent?.DisclosureThreshold ?? DefaultThreshold,
            Services = services,
        };
        context.Organisations.Add(organisation);
        var index = 0;
        foreach (var child in children)
        {
            Add(context, child, childKind, organisation, $"{path}.{childName}[{index++}]");
        }

        return organisation;
    }

    private static void ReportMisplacedChildren(List<string> problems, string path, OrganisationKind kind, OrganisationOptions options)
    {
        if (kind != OrganisationKind.Region && options.Partnerships.Count > 0)
        {
            problems.Add($"{path}: only the region has Partnerships");
        }

        if (kind != OrganisationKind.Partnership && options.Agencies.Count > 0)
        {
            problems.Add($"{path}: only a partnership has Agencies");
        }

        if (kind is OrganisationKind.Region or OrganisationKind.Partnership && options.Units.Count > 0)
        {
            problems.Add($"{path}: only an agency has Units");
        }
    }

    private static OrganisationKind ParseUnitKind(string? kind, List<string> problems, string path)
    {
        switch (kind?.Trim().ToLowerInvariant())
        {
            case null or "" or "team":
                return OrganisationKind.Team;
            case "locality":
                return OrganisationKind.Locality;
            default:
                problems.Add($"{path}: Kind '{kind}' must be 'team' or 'locality'");
                return OrganisationKind.Team;
        }
    }

    private static bool TryAddress(string? value, out Uri address)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            address = uri;
            return true;
        }

        address = null!;
        return false;
    }

    // Codes are the ones the services know (ONS codes such as E09000007 where one exists), compared ignoring case.
    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    private sealed record BuildContext(Dictionary<string, ServiceInstance> Instances, List<string> Problems, List<Organisation> Organisations)
    {
        public HashSet<string> Codes { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
