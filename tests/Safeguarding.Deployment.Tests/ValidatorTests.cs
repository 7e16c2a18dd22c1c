using System.Text.Json.Nodes;
using Safeguarding.Deployment.Tests.Support;

namespace Safeguarding.Deployment.Tests;

/// <summary>
/// The schema check is only worth its green if it goes red: each case takes a valid rendered object,
/// makes one mistake seen in real manifests, and expects schema/validate.js to name it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ValidatorTests
{
    public static TheoryData<string, string, string> Mistakes() => new()
    {
        { "Deployment", "a misspelt probe", "readinesProbe: unknown field" },
        { "Deployment", "a port given as a string", "must be integer" },
        { "Service", "an unknown protocol", "must be equal to one of the allowed values" },
        { "Component", "Dapr's misspelt queue setting", "'deleteWhenUnused' is not a pubsub.rabbitmq setting" },
        { "Component", "a literal connection string", "must come from a secret" },
        { "Component", "a dropped dead-letter setting", "'enableDeadLetter' is required" },
        { "Resiliency", "a policy that does not exist", "no retries policy named 'missing'" },
        { "Resiliency", "a duration in words", "is not a Go duration" },
        { "Configuration", "an OTLP endpoint with a scheme", "must be host:port" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task The_validator_reports(string kind, string mistake, string expected)
    {
        var rendered = await Manifests.RenderAsync("agency");
        var valid = rendered.OfKind(kind).First();
        var broken = (JsonObject)valid.DeepClone();
        Break(broken, mistake);

        var results = await SchemaValidator.ValidateAsync([valid, broken]);

        Assert.Empty(results[0].Errors);
        Assert.Contains(results[1].Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    private static void Break(JsonObject o, string mistake)
    {
        var container = o.Path("spec.template.spec.containers") is JsonArray containers ? containers[0]!.AsObject() : null;
        switch (mistake)
        {
            case "a misspelt probe":
                container!["readinesProbe"] = container["readinessProbe"]!.DeepClone();
                container.Remove("readinessProbe");
                break;
            case "a port given as a string":
                container!["ports"]![0]!["containerPort"] = "5000";
                break;
            case "an unknown protocol":
                o["spec"]!["ports"]![0]!["protocol"] = "HTTP";
                break;
            case "Dapr's misspelt queue setting":
                Metadata(o, "deletedWhenUnused")["name"] = "deleteWhenUnused";
                break;
            case "a literal connection string":
                var item = Metadata(o, "connectionString");
                item.Remove("secretKeyRef");
                item["value"] = "amqp://user:password@rabbitmq:5672/";
                break;
            case "a dropped dead-letter setting":
                var list = o["spec"]!["metadata"]!.AsArray();
                list.Remove(Metadata(o, "enableDeadLetter"));
                break;
            case "a policy that does not exist":
                o["spec"]!["targets"]!["components"]!["pubsub"]!["inbound"]!["retry"] = "missing";
                break;
            case "a duration in words":
                o["spec"]!["policies"]!["timeouts"]!["publish"] = "15 seconds";
                break;
            case "an OTLP endpoint with a scheme":
                o["spec"]!["tracing"]!["otel"]!["endpointAddress"] = "http://otel-collector:4317";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mistake), mistake, null);
        }
    }

    private static JsonObject Metadata(JsonObject component, string name) =>
        component.Items("spec.metadata").Single(m => m.Str("name") == name);
}
