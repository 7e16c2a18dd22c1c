using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Safeguarding.Deployment.Tests.Support;

/// <summary>An overlay rendered by `kubectl kustomize`, as JSON objects.</summary>
internal sealed class Rendered(string overlay, IReadOnlyList<JsonObject> objects)
{
    public string Overlay { get; } = overlay;

    public IReadOnlyList<JsonObject> Objects { get; } = objects;

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => o.Str("kind") == kind);

    public JsonObject? Find(string kind, string name) => OfKind(kind).FirstOrDefault(o => o.Name() == name);

    /// <summary>The platform's own Deployments (the services and the gateway), not local-dev's throwaway infrastructure.</summary>
    public IEnumerable<JsonObject> PlatformDeployments =>
        OfKind("Deployment").Where(d => d.Path("spec.template.metadata.labels")?["app.kubernetes.io/part-of"]?.GetValue<string>() == "safeguarding-platform");
}

/// <summary>Renders overlays once per test run (kubectl is the only renderer: Helm is not used, ADR 0007).</summary>
internal static class Manifests
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<Rendered>>> Cache = new();

    /// <summary>Every folder under charts/overlays.</summary>
    public static IReadOnlyList<string> Overlays() =>
        [.. Directory.GetDirectories(Repo.PathOf("charts", "overlays")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static Task<Rendered> RenderAsync(string overlay) =>
        Cache.GetOrAdd(overlay, o => new Lazy<Task<Rendered>>(() => RenderUncachedAsync(Repo.PathOf("charts", "overlays", o), o))).Value;

    /// <summary>Renders any kustomization folder.</summary>
    public static async Task<Rendered> RenderUncachedAsync(string directory, string label)
    {
        var kubectl = Tool.Find("kubectl") ?? throw new InvalidOperationException("kubectl is not installed (Debian package kubectl); the deployment tests render with `kubectl kustomize`.");
        var result = await Tool.RunAsync(kubectl, ["kustomize", directory], TimeSpan.FromMinutes(2));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{label} does not render:\n{result.Describe()}");
        }

        return new Rendered(label, Yaml.Documents(result.Stdout));
    }
}

/// <summary>Small readers for JSON trees of Kubernetes objects.</summary>
internal static class Json
{
    public static JsonNode? Path(this JsonNode? node, string dotted)
    {
        foreach (var part in dotted.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
        }

        return node;
    }

    public static string? Str(this JsonNode? node, string dotted) =>
        node.Path(dotted) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string Name(this JsonNode? node) => node.Str("metadata.name") ?? "";

    public static IEnumerable<JsonObject> Items(this JsonNode? node, string dotted) =>
        node.Path(dotted) is JsonArray a ? a.OfType<JsonObject>() : [];

    public static IReadOnlyDictionary<string, string> StringMap(this JsonNode? node, string dotted) =>
        node.Path(dotted) is JsonObject o
            ? o.Where(kv => kv.Value is JsonValue).ToDictionary(kv => kv.Key, kv => kv.Value!.ToString())
            : new Dictionary<string, string>();

    /// <summary>Whether every matchLabels pair (and no matchExpressions) of a selector is among the labels.</summary>
    public static bool Selects(this JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is not JsonObject s)
        {
            return false;
        }

        if (s.ContainsKey("matchExpressions"))
        {
            throw new NotSupportedException("matchExpressions are not used in charts/; teach the tests before using them.");
        }

        var match = s.ContainsKey("matchLabels")
            ? s.StringMap("matchLabels")
            : s.Where(kv => kv.Value is JsonValue).ToDictionary(kv => kv.Key, kv => kv.Value!.ToString());
        return match.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }

    /// <summary>The pod template's containers and init containers of a Deployment.</summary>
    public static IEnumerable<JsonObject> Containers(this JsonObject deployment) =>
        deployment.Items("spec.template.spec.containers").Concat(deployment.Items("spec.template.spec.initContainers"));
}
