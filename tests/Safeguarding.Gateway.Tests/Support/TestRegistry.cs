using System.Text;
using System.Text.Json.Nodes;

namespace Safeguarding.Gateway.Tests.Support;

/// <summary>
/// The registry the tests use, as configuration JSON:
/// <code>
/// london (threshold 5)
///   camden (5): camden-csc (shares; units camden-csc-north team, camden-csc-east locality),
///               camden-police (does not share), camden-health (shares)
///   islington (10): islington-csc (shares), islington-police (does not share)
/// </code>
/// Instances: "camden-shared" serves all of camden; "islington" serves islington; islington-csc has its own "islington-csc".
/// </summary>
public static class TestRegistry
{
    public static readonly string[] Codes =
        ["london", "camden", "camden-csc", "camden-csc-north", "camden-csc-east", "camden-police", "camden-health", "islington", "islington-csc", "islington-police"];

    public static JsonObject Document(IReadOnlyDictionary<string, Uri> instances, string service = "gatewaytest")
    {
        var instanceNode = new JsonObject();
        foreach (var (name, address) in instances)
        {
            instanceNode[name] = address.ToString();
        }

        JsonObject Services(string instance) => new() { [service] = instance };
        return new JsonObject
        {
            ["Gateway"] = new JsonObject
            {
                ["Registry"] = new JsonObject
                {
                    ["Instances"] = instanceNode,
                    ["Region"] = new JsonObject
                    {
                        ["Code"] = "london",
                        ["Name"] = "London Safeguarding Children Board",
                        ["DisclosureThreshold"] = 5,
                        ["Partnerships"] = new JsonArray(
                            new JsonObject
                            {
                                ["Code"] = "camden",
                                ["Services"] = Services("camden-shared"),
                                ["Agencies"] = new JsonArray(
                                    new JsonObject
                                    {
                                        ["Code"] = "camden-csc",
                                        ["SharesWithPartnership"] = true,
                                        ["Units"] = new JsonArray(
                                            new JsonObject { ["Code"] = "camden-csc-north", ["Kind"] = "team" },
                                            new JsonObject { ["Code"] = "camden-csc-east", ["Kind"] = "locality" }),
                                    },
                                    new JsonObject { ["Code"] = "camden-police" },
                                    new JsonObject { ["Code"] = "camden-health", ["SharesWithPartnership"] = true }),
                            },
                            new JsonObject
                            {
                                ["Code"] = "islington",
                                ["DisclosureThreshold"] = 10,
                                ["Services"] = Services("islington"),
                                ["Agencies"] = new JsonArray(
                                    new JsonObject { ["Code"] = "islington-csc", ["SharesWithPartnership"] = true, ["Services"] = Services("islington-csc") },
                                    new JsonObject { ["Code"] = "islington-police" }),
                            }),
                    },
                },
            },
        };
    }

    public static MemoryStream Stream(JsonObject document) => new(Encoding.UTF8.GetBytes(document.ToJsonString()));
}
