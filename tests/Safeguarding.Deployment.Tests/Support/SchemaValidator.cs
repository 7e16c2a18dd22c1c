using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safeguarding.Deployment.Tests.Support;

/// <summary>One object's schema result from schema/validate.js.</summary>
internal sealed record SchemaResult(int Index, string? Kind, string? Name, IReadOnlyList<string> Errors);

/// <summary>
/// Runs schema/validate.js (kubernetes-models for built-in kinds, our structural checks for Dapr's).
/// kubernetes-models 4.x is installed on first use with `npm install --prefix` into a folder outside
/// the repository (SAFEGUARDING_NPM_CACHE, else the temp folder), and reused after that.
/// </summary>
internal static class SchemaValidator
{
    private static readonly Lazy<Task<string>> Modules = new(InstallAsync);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<SchemaResult>> ValidateAsync(IEnumerable<JsonObject> objects)
    {
        var modules = await Modules.Value;
        var node = Tool.Find("node") ?? throw new InvalidOperationException("node is not installed (the schema check runs schema/validate.js).");
        var input = Path.Combine(Path.GetTempPath(), $"safeguarding-objects-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, new JsonArray([.. objects.Select(o => o.DeepClone())]).ToJsonString());
        try
        {
            var result = await Tool.RunAsync(node, [Repo.PathOf("tests", "Safeguarding.Deployment.Tests", "schema", "validate.js"), modules, input], TimeSpan.FromMinutes(2));
            Assert.True(result.Succeeded, result.Describe());
            return JsonSerializer.Deserialize<List<SchemaResult>>(result.Stdout, Web)
                ?? throw new InvalidDataException("validate.js printed no results");
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static async Task<string> InstallAsync()
    {
        var prefix = Environment.GetEnvironmentVariable("SAFEGUARDING_NPM_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "safeguarding-deployment-tests", "npm");
        var modules = Path.Combine(prefix, "node_modules");
        var package = Path.Combine(modules, "kubernetes-models", "package.json");
        if (File.Exists(package) && JsonNode.Parse(await File.ReadAllTextAsync(package))?["version"]?.GetValue<string>() is { } version && version.StartsWith("4.", StringComparison.Ordinal))
        {
            return modules;
        }

        Directory.CreateDirectory(prefix);
        var npm = Tool.Find("npm") ?? throw new InvalidOperationException("npm is not installed (tools/testenv/install.sh installs it); the schema check needs kubernetes-models.");
        var result = await Tool.RunAsync(npm, ["install", "--prefix", prefix, "--no-audit", "--no-fund", "kubernetes-models@4"], TimeSpan.FromMinutes(5));
        Assert.True(result.Succeeded && File.Exists(package), "npm install kubernetes-models@4 failed:\n" + result.Describe());
        return modules;
    }
}
