using System.Text.Json.Nodes;
using Safeguarding.Deployment.Tests.Support;

namespace Safeguarding.Deployment.Tests;

/// <summary>
/// skaffold.yaml (no skaffold binary here): it parses, and for the default config and each profile
/// every artifact's Dockerfile exists, every kustomize path renders, the artifacts are exactly the
/// platform images the rendered overlay runs (so skaffold can substitute its tags), and the port
/// forwards name Service ports that exist.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SkaffoldTests
{
    private static JsonObject Config() => Yaml.Document(File.ReadAllText(Repo.PathOf("skaffold.yaml")));

    [Fact]
    public void Skaffold_yaml_is_a_v4beta_config_with_the_agency_and_london_board_profiles()
    {
        var config = Config();

        Assert.Matches(@"^skaffold/v4beta\d+$", config.Str("apiVersion"));
        Assert.Equal("Config", config.Str("kind"));
        var profiles = config.Items("profiles").Select(p => p.Str("name")).ToList();
        Assert.Contains("agency", profiles);
        Assert.Contains("london-board", profiles);
        Assert.Contains("local-dev", profiles);
        Assert.Equal("charts/overlays/local-dev", Assert.Single(config.Path("manifests.kustomize.paths")!.AsArray())!.ToString());
    }

    [Fact]
    public void The_default_config_forwards_the_gateways_grpc_and_http_ports()
    {
        var forwards = Config().Items("portForward").Where(f => f.Str("resourceName") == "gateway").ToList();

        Assert.Contains(forwards, f => f.Path("port")?.GetValue<long>() == 5000);
        Assert.Contains(forwards, f => f.Path("port")?.GetValue<long>() == 8080);
    }

    public static TheoryData<string> Profiles() => new() { "(default)", "local-dev", "agency", "london-board" };

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Each_profile_builds_existing_Dockerfiles_and_deploys_an_overlay_that_renders(string profile)
    {
        var config = Config();
        var selected = profile == "(default)" ? null : config.Items("profiles").Single(p => p.Str("name") == profile);
        var artifacts = (selected?.Path("build.artifacts") ?? config.Path("build.artifacts"))!.AsArray().OfType<JsonObject>().ToList();
        var paths = (selected?.Path("manifests.kustomize.paths") ?? config.Path("manifests.kustomize.paths"))!.AsArray().Select(p => p!.ToString()).ToList();
        var forwards = (selected?["portForward"] ?? config["portForward"]) is JsonArray list ? list.OfType<JsonObject>().ToList() : [];

        foreach (var artifact in artifacts)
        {
            var context = Repo.PathOf(artifact.Str("context") ?? ".");
            var dockerfile = artifact.Str("docker.dockerfile");
            Assert.True(Directory.Exists(context), $"{profile}: context {artifact.Str("context")} does not exist");
            Assert.True(dockerfile is not null && File.Exists(Path.Combine(context, dockerfile)), $"{profile}: {artifact.Str("image")}'s Dockerfile {dockerfile} does not exist");
        }

        var rendered = new List<Rendered>();
        foreach (var path in paths)
        {
            Assert.True(Directory.Exists(Repo.PathOf(path)), $"{profile}: kustomize path {path} does not exist");
            rendered.Add(path.StartsWith("charts/overlays/", StringComparison.Ordinal)
                ? await Manifests.RenderAsync(path["charts/overlays/".Length..])
                : await Manifests.RenderUncachedAsync(Repo.PathOf(path), path));
        }

        static string Repository(string image) => image.LastIndexOf(':') > image.LastIndexOf('/') ? image[..image.LastIndexOf(':')] : image;
        var platformImages = rendered.SelectMany(r => r.PlatformDeployments)
            .SelectMany(d => d.Containers()).Select(c => Repository(c.Str("image")!)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(platformImages.Order(StringComparer.Ordinal), artifacts.Select(a => a.Str("image")!).Order(StringComparer.Ordinal));

        foreach (var forward in forwards)
        {
            var service = rendered.Select(r => r.Find("Service", forward.Str("resourceName") ?? "")).FirstOrDefault(s => s is not null);
            Assert.True(service is not null, $"{profile}: port-forward to a Service {forward.Str("resourceName")} the overlay does not have");
            Assert.Equal(service.Str("metadata.namespace"), forward.Str("namespace"));
            Assert.Contains(service.Items("spec.ports"), p => p.Path("port")?.GetValue<long>() == forward.Path("port")?.GetValue<long>());
        }
    }
}
