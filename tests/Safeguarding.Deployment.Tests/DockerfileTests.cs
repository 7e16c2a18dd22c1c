using System.Text.RegularExpressions;
using System.Xml.Linq;
using Safeguarding.Deployment.Tests.Support;

namespace Safeguarding.Deployment.Tests;

/// <summary>
/// The Dockerfiles next to the projects cannot be built here (no Docker engine, no base images), so
/// their shape is checked: an SDK build stage publishing the project beside it self-contained and
/// untrimmed, and a final stage on a chiseled runtime-deps base that runs the project's executable as
/// UID 10001 with ports 5000 and 8080. tools/images/build.sh builds the same publish for real
/// (ContainerImageTests).
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class DockerfileTests
{
    public static TheoryData<string> Dockerfiles() => new()
    {
        "services/Measures/Dockerfile",
        "services/Reporting/Dockerfile",
        "gateway/Safeguarding.Gateway/Dockerfile",
    };

    [Fact]
    public void Every_service_project_has_a_Dockerfile()
    {
        var projects = Directory.GetFiles(Repo.PathOf("services"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Repo.PathOf("gateway"), "*.csproj", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}Platform{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(p => File.ReadAllText(p).Contains("Microsoft.NET.Sdk.Web", StringComparison.Ordinal));

        foreach (var project in projects)
        {
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(project)!, "Dockerfile")), $"{Path.GetRelativePath(Repo.Root, project)} has no Dockerfile beside it");
        }
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void The_Dockerfile_publishes_its_project_and_runs_it_as_10001_on_a_chiseled_base(string relative)
    {
        var path = Repo.PathOf(relative.Split('/'));
        var text = File.ReadAllText(path);
        var project = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.csproj"));
        var assembly = XDocument.Load(project).Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(project);
        var projectPath = Path.GetRelativePath(Repo.Root, project).Replace('\\', '/');
        var stages = Stages(text);

        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", stages[0].Image, StringComparison.Ordinal);
        Assert.Contains($"dotnet publish {projectPath}", stages[0].Body, StringComparison.Ordinal);
        Assert.Matches(@"--self-contained true", stages[0].Body);
        Assert.Contains("-p:PublishTrimmed=false", stages[0].Body, StringComparison.Ordinal);

        var final = stages[^1];
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/runtime-deps:\$\{DOTNET_VERSION\}-[a-z]+-chiseled$", final.Image);
        Assert.Matches(@"(?m)^USER 10001:10001$", final.Body);
        Assert.Matches(@"(?m)^EXPOSE 5000 8080$", final.Body);
        Assert.Matches($@"(?m)^ENTRYPOINT \[""/app/{Regex.Escape(assembly)}""\]$", final.Body);
        Assert.Matches(@"Endpoints__GrpcPort=5000", final.Body);
        Assert.Matches(@"Endpoints__HttpPort=8080", final.Body);
        Assert.DoesNotMatch(@"(?m)^HEALTHCHECK", text);
        Assert.DoesNotMatch(@"(?m)^COPY --from=\S+ --chown", final.Body); // the app's files stay root-owned
    }

    [Fact]
    public void Reporting_builds_without_PDF_by_default_and_with_chromium_in_the_pdf_target()
    {
        var stages = Stages(File.ReadAllText(Repo.PathOf("services", "Reporting", "Dockerfile")));

        Assert.Contains("Reporting__Pdf__Enabled=false", stages[^1].Body, StringComparison.Ordinal);
        Assert.Contains("-p:PlaywrightPlatform=none", stages[0].Body, StringComparison.Ordinal);
        var pdf = Assert.Single(stages, s => s.Name == "pdf");
        Assert.Matches(@"apt-get install[^\n]*\bchromium\b", pdf.Body);
        Assert.Contains("Reporting__Pdf__Enabled=true", pdf.Body, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^USER 10001:10001$", pdf.Body);
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_and_local_databases()
    {
        var ignored = File.ReadAllLines(Repo.PathOf(".dockerignore")).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);

        foreach (var pattern in new[] { "**/bin/", "**/obj/", "**/*.db", ".git/" })
        {
            Assert.Contains(pattern, ignored);
        }
    }

    private sealed record Stage(string Image, string? Name, string Body);

    private static List<Stage> Stages(string dockerfile)
    {
        var matches = FromLine().Matches(dockerfile);
        return [.. matches.Select((m, i) => new Stage(
            m.Groups["image"].Value,
            m.Groups["name"].Success ? m.Groups["name"].Value : null,
            dockerfile[m.Index..(i + 1 < matches.Count ? matches[i + 1].Index : dockerfile.Length)]))];
    }

    [GeneratedRegex(@"(?m)^FROM (--platform=\S+ )?(?<image>\S+)( AS (?<name>\S+))?\s*$")]
    private static partial Regex FromLine();
}
