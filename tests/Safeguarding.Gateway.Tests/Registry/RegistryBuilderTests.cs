using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Safeguarding.Gateway.Registry;
using Safeguarding.Gateway.Tests.Support;

namespace Safeguarding.Gateway.Tests.Registry;

public sealed class RegistryBuilderTests
{
    private static readonly Dictionary<string, Uri> Instances = new()
    {
        ["camden-shared"] = new Uri("http://10.0.0.1:5000"),
        ["islington"] = new Uri("http://10.0.0.2:5000"),
        ["islington-csc"] = new Uri("http://10.0.0.3:5000"),
    };

    [Fact]
    public void The_tree_is_loaded_with_kinds_parents_inherited_instances_and_thresholds()
    {
        var registry = Load(TestRegistry.Document(Instances));

        Assert.Equal(TestRegistry.Codes.Order(), registry.All.Select(o => o.Code).Order());
        Assert.Equal(OrganisationKind.Locality, registry.Get("camden-csc-east").Kind);
        Assert.Equal("camden-csc", registry.Get("camden-csc-north").ParentCode);
        // camden's agencies share one instance; islington-csc has its own; islington-police inherits the partnership's.
        Assert.Equal(new Uri("http://10.0.0.1:5000"), registry.InstanceFor("camden-csc-north", "gatewaytest")!.Address);
        Assert.Equal(new Uri("http://10.0.0.3:5000"), registry.InstanceFor("islington-csc", "gatewaytest")!.Address);
        Assert.Equal(new Uri("http://10.0.0.2:5000"), registry.InstanceFor("islington-police", "gatewaytest")!.Address);
        Assert.Null(registry.InstanceFor("london", "gatewaytest"));
        Assert.Equal(10, registry.Get("islington-police").DisclosureThreshold);
        Assert.Equal(5, registry.Get("camden-health").DisclosureThreshold);
        Assert.True(registry.Get("camden-csc-north").SharesWithPartnership);
        Assert.False(registry.Get("camden-police").SharesWithPartnership);
        Assert.True(registry.IsWithin("camden-csc-east", "camden"));
        Assert.False(registry.IsWithin("camden-csc", "islington"));
    }

    [Fact]
    public void Every_problem_in_a_bad_configuration_is_reported_together()
    {
        var options = new RegistryOptions
        {
            Instances = { ["broken"] = "ftp://nowhere" },
            Region = new OrganisationOptions
            {
                Code = "London Board",
                DisclosureThreshold = 0,
                Partnerships =
                {
                    new OrganisationOptions { Code = "a", Services = { ["measures"] = "missing" } },
                    new OrganisationOptions { Code = "a", Units = { new OrganisationOptions { Code = "u" } } },
                },
            },
        };

        var (snapshot, problems) = RegistryBuilder.Build(options, 1);

        Assert.Null(snapshot);
        Assert.Contains(problems, p => p.Contains("'ftp://nowhere'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("code 'London Board'", StringComparison.Ordinal));
    }

    [Fact]
    public void Codes_are_the_services_own_and_compare_ignoring_case()
    {
        var options = new RegistryOptions
        {
            Region = new OrganisationOptions
            {
                Code = "E12000007",
                Partnerships =
                {
                    new OrganisationOptions { Code = "NB-LSCP", Agencies = { new OrganisationOptions { Code = "NB_CSC" } } },
                    new OrganisationOptions { Code = "E09000007" },
                },
            },
        };

        var (snapshot, problems) = RegistryBuilder.Build(options, 1);

        Assert.Empty(problems);
        Assert.Equal("NB_CSC", snapshot!.Get("nb_csc").Code);
        Assert.True(snapshot.IsWithin("nb_csc", "nb-lscp"));
        Assert.Equal("E09000007", snapshot.Find("e09000007")?.Code);

        options.Region.Partnerships.Add(new OrganisationOptions { Code = "e09000007" });
        Assert.Contains(RegistryBuilder.Build(options, 2).Problems, p => p.Contains("used more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_codes_unknown_instances_and_misplaced_children_are_refused()
    {
        var options = new RegistryOptions
        {
            Region = new OrganisationOptions
            {
                Code = "london",
                DisclosureThreshold = 0,
                Partnerships =
                {
                    new OrganisationOptions { Code = "a", Services = { ["measures"] = "missing" } },
                    new OrganisationOptions { Code = "a", Units = { new OrganisationOptions { Code = "u" } } },
                },
            },
        };

        var (_, problems) = RegistryBuilder.Build(options, 1);

        Assert.Contains(problems, p => p.Contains("DisclosureThreshold", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("neither an instance nor", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("used more than once", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("only an agency has Units", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_configuration_at_startup_stops_the_gateway()
    {
        var monitor = new StaticMonitor(new RegistryOptions());

        Assert.Throws<OptionsValidationException>(() => new OrganisationRegistry(monitor, NullLogger<OrganisationRegistry>.Instance));
    }

    [Fact]
    public void A_reload_replaces_the_snapshot_and_a_broken_reload_keeps_the_last_good_one()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(TestRegistry.Stream(TestRegistry.Document(Instances))).Build();
        var good = configuration.GetSection(RegistryOptions.Section).Get<RegistryOptions>()!;
        var monitor = new StaticMonitor(good);
        using var registry = new OrganisationRegistry(monitor, NullLogger<OrganisationRegistry>.Instance);
        var first = registry.Current;

        monitor.Fire(new RegistryOptions { Region = new OrganisationOptions { Code = "Bad Code" } });
        Assert.Same(first, registry.Current);

        good.Region!.Partnerships[0].Agencies.Add(new OrganisationOptions { Code = "camden-schools" });
        monitor.Fire(good);
        Assert.Equal(first.Version + 1, registry.Current.Version);
        Assert.Equal("camden", registry.Current.Get("camden-schools").ParentCode);
        Assert.Null(first.Find("camden-schools"));
    }

    internal static RegistrySnapshot Load(System.Text.Json.Nodes.JsonObject document)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(TestRegistry.Stream(document)).Build();
        var options = configuration.GetSection(RegistryOptions.Section).Get<RegistryOptions>()!;
        var (snapshot, problems) = RegistryBuilder.Build(options, 1);
        Assert.Empty(problems);
        return snapshot!;
    }

    private sealed class StaticMonitor(RegistryOptions value) : IOptionsMonitor<RegistryOptions>
    {
        private Action<RegistryOptions, string?>? _listener;

        public RegistryOptions CurrentValue => value;

        public RegistryOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<RegistryOptions, string?> listener)
        {
            _listener = listener;
            return null;
        }

        public void Fire(RegistryOptions options) => _listener?.Invoke(options, null);
    }
}
