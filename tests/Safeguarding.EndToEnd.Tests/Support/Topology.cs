using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Safeguarding.EndToEnd.Tests.Support;

/// <summary>
/// An agency: its code, whether its partnership may see its rows, the measures instance it uses (its own
/// unless shared), and whether it also runs a reporting instance of its own.
/// </summary>
public sealed record AgencySpec(string Code, bool SharesWithPartnership = false, string? Instance = null, bool Reporting = false)
{
    public string InstanceName => Instance ?? Code + "-measures";

    public string ReportingInstanceName => Code + "-reporting";
}

public sealed record PartnershipSpec(string Code, IReadOnlyList<AgencySpec> Agencies, int? DisclosureThreshold = null);

/// <summary>
/// A region → partnerships → agencies tree, as the gateway's registry (JSON configuration) and as
/// every service instance's <c>Organisations</c> section (the same lower-case codes on both sides).
/// <paramref name="RegionMeasures"/> and <paramref name="RegionReporting"/> name instances the region itself
/// uses, which its partnerships (and agencies without their own) inherit, as in the embedded demo.
/// <paramref name="PartnershipServices"/> names, by service (<see cref="SharedServices"/>), one instance every
/// partnership uses and its agencies inherit: the CLI's embedded default hosts audits, surveys and case reviews so,
/// one instance behind the partnership, and the region (which holds no rows) has none.
/// </summary>
public sealed record Topology(
    string Region, IReadOnlyList<PartnershipSpec> Partnerships, int DisclosureThreshold = 5, string? RegionMeasures = null, string? RegionReporting = null,
    IReadOnlyDictionary<string, string>? PartnershipServices = null)
{
    /// <summary>The services a topology may give its partnerships (registry service names, as the gateway routes them).</summary>
    public static readonly IReadOnlyList<string> SharedServices = ["audits", "casereviews", "surveys"];


    public IEnumerable<AgencySpec> Agencies => Partnerships.SelectMany(p => p.Agencies);

    public IEnumerable<string> Instances =>
        Agencies.Select(a => a.InstanceName).Concat(RegionMeasures is null ? [] : [RegionMeasures]).Distinct(StringComparer.Ordinal);

    public IEnumerable<string> ReportingInstances =>
        Agencies.Where(a => a.Reporting).Select(a => a.ReportingInstanceName).Concat(RegionReporting is null ? [] : [RegionReporting]).Distinct(StringComparer.Ordinal);

    /// <summary>The partnerships' shared instances: (service, instance name), each instance once.</summary>
    public IEnumerable<(string Service, string Instance)> PartnershipInstances =>
        (PartnershipServices ?? new Dictionary<string, string>()).Select(p => (p.Key, p.Value)).DistinctBy(p => p.Value, StringComparer.Ordinal);

    public string PartnershipOf(string agency) => Partnerships.Single(p => p.Agencies.Any(a => a.Code == agency)).Code;

    /// <summary>The gateway's registry section, with each instance's address.</summary>
    public JsonObject Registry(IReadOnlyDictionary<string, Uri> instances) => RegistryDocument.For(this, instances);

    /// <summary>The services' <c>Organisations</c> section (measures, case reviews): the same tree and codes.</summary>
    public Dictionary<string, string?> OrganisationSettings()
    {
        var settings = new Dictionary<string, string?>();
        var index = 0;
        void Add(string code, string kind, string? parent)
        {
            var prefix = "Organisations:" + index.ToString(CultureInfo.InvariantCulture) + ":";
            settings[prefix + "Code"] = code;
            settings[prefix + "Name"] = NameOf(code);
            settings[prefix + "Kind"] = kind;
            settings[prefix + "Parent"] = parent;
            index++;
        }

        Add(Region, "region", null);
        foreach (var partnership in Partnerships)
        {
            Add(partnership.Code, "partnership", Region);
            foreach (var agency in partnership.Agencies)
            {
                Add(agency.Code, "agency", partnership.Code);
            }
        }

        return settings;
    }

    public static MemoryStream Stream(JsonObject document) => new(Encoding.UTF8.GetBytes(document.ToJsonString()));

    internal static string NameOf(string code) => "Test " + code.Replace('-', ' ');
}

/// <summary>The gateway's registry configuration (docs/gateway.md) for a topology.</summary>
internal static class RegistryDocument
{
    public static JsonObject For(Topology topology, IReadOnlyDictionary<string, Uri> instances)
    {
        var instanceNode = new JsonObject();
        foreach (var (name, address) in instances)
        {
            instanceNode[name] = address.ToString();
        }

        var partnerships = new JsonArray();
        foreach (var partnership in topology.Partnerships)
        {
            var agencies = new JsonArray();
            foreach (var agency in partnership.Agencies)
            {
                var services = new JsonObject { ["measures"] = agency.InstanceName };
                if (agency.Reporting)
                {
                    services["reporting"] = agency.ReportingInstanceName;
                }

                agencies.Add(new JsonObject
                {
                    ["Code"] = agency.Code,
                    ["Name"] = Topology.NameOf(agency.Code),
                    ["SharesWithPartnership"] = agency.SharesWithPartnership,
                    ["Services"] = services,
                });
            }

            var node = new JsonObject { ["Code"] = partnership.Code, ["Name"] = Topology.NameOf(partnership.Code), ["Agencies"] = agencies };
            if (topology.PartnershipServices is { Count: > 0 } shared)
            {
                node["Services"] = new JsonObject([.. shared.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))]);
            }

            if (partnership.DisclosureThreshold is { } threshold)
            {
                node["DisclosureThreshold"] = threshold;
            }

            partnerships.Add(node);
        }

        var region = new JsonObject
        {
            ["Code"] = topology.Region,
            ["Name"] = Topology.NameOf(topology.Region),
            ["DisclosureThreshold"] = topology.DisclosureThreshold,
            ["Partnerships"] = partnerships,
        };
        var regionServices = new JsonObject();
        if (topology.RegionMeasures is { } measures)
        {
            regionServices["measures"] = measures;
        }

        if (topology.RegionReporting is { } reporting)
        {
            regionServices["reporting"] = reporting;
        }

        if (regionServices.Count > 0)
        {
            region["Services"] = regionServices;
        }

        return new JsonObject { ["Gateway"] = new JsonObject { ["Registry"] = new JsonObject { ["Instances"] = instanceNode, ["Region"] = region } } };
    }
}
