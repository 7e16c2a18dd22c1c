using System.Text.Json.Nodes;
using Safeguarding.Deployment.Tests.Support;

namespace Safeguarding.Deployment.Tests;

/// <summary>
/// Every overlay in charts/overlays renders, passes schema validation, and keeps the rules the
/// platform's pods depend on (docs/deploy.md). A failure names the overlay, the object and the rule.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OverlayTests
{
    /// <summary>The overlays docs/deploy.md describes; any other folder under charts/overlays is tested too.</summary>
    private static readonly string[] Required = ["agency", "agency-redis", "london-board", "local-dev"];

    /// <summary>What each overlay runs (app ids), so a lost base is noticed.</summary>
    private static readonly Dictionary<string, string[]> Runs = new()
    {
        ["agency"] = ["audits", "casereviews", "measures", "reporting", "surveys"],
        ["agency-redis"] = ["audits", "casereviews", "measures", "reporting", "surveys"],
        ["london-board"] = ["gateway"],
        ["local-dev"] = ["audits", "casereviews", "gateway", "measures", "reporting", "surveys"],
    };

    public static TheoryData<string> AllOverlays()
    {
        var data = new TheoryData<string>();
        foreach (var overlay in Manifests.Overlays().Union(Required).Order(StringComparer.Ordinal))
        {
            data.Add(overlay);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllOverlays))]
    public async Task Overlay_renders_with_kubectl_kustomize_into_one_namespace(string overlay)
    {
        var rendered = await Manifests.RenderAsync(overlay);

        var namespaces = rendered.OfKind("Namespace").Select(n => n.Name()).ToList();
        var ns = Assert.Single(namespaces);
        var outside = rendered.Objects.Where(o => o.Str("kind") != "Namespace" && o.Str("metadata.namespace") != ns).Select(Describe).ToList();
        Assert.True(outside.Count == 0, $"{overlay}: objects outside namespace {ns}: {string.Join(", ", outside)}");
        Assert.Equal(
            Runs.GetValueOrDefault(overlay, []).Order(StringComparer.Ordinal),
            rendered.PlatformDeployments.Select(d => d.Name()).Order(StringComparer.Ordinal));
        var duplicates = rendered.Objects.GroupBy(Describe).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{overlay}: duplicate objects {string.Join(", ", duplicates)}");
    }

    [Theory]
    [MemberData(nameof(AllOverlays))]
    public async Task Every_rendered_object_passes_schema_validation(string overlay)
    {
        var rendered = await Manifests.RenderAsync(overlay);

        var results = await SchemaValidator.ValidateAsync(rendered.Objects);

        Assert.Equal(rendered.Objects.Count, results.Count);
        var failures = results.Where(r => r.Errors.Count > 0).Select(r => $"{r.Kind}/{r.Name}: {string.Join("; ", r.Errors)}").ToList();
        Assert.True(failures.Count == 0, $"{overlay}: {failures.Count} objects fail validation:\n{string.Join('\n', failures)}");
    }

    [Theory]
    [MemberData(nameof(AllOverlays))]
    public async Task Every_container_has_probes_resources_and_a_locked_down_security_context(string overlay)
    {
        var rendered = await Manifests.RenderAsync(overlay);
        var problems = new List<string>();

        foreach (var deployment in rendered.OfKind("Deployment"))
        {
            var pod = deployment.Path("spec.template.spec");
            foreach (var container in deployment.Containers())
            {
                var where = $"{Describe(deployment)} container {container.Str("name")}";
                foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
                {
                    if (container[probe] is not JsonObject)
                    {
                        problems.Add($"{where}: no {probe}");
                    }
                }

                foreach (var bound in new[] { "requests.cpu", "requests.memory", "limits.cpu", "limits.memory" })
                {
                    if (container.Path("resources." + bound) is null)
                    {
                        problems.Add($"{where}: no resources.{bound}");
                    }
                }

                var security = container["securityContext"];
                if (Flag(security, "runAsNonRoot") is not true && Flag(pod.Path("securityContext"), "runAsNonRoot") is not true)
                {
                    problems.Add($"{where}: runAsNonRoot is not true");
                }

                if (Flag(security, "readOnlyRootFilesystem") is not true)
                {
                    problems.Add($"{where}: readOnlyRootFilesystem is not true");
                }

                if (Flag(security, "allowPrivilegeEscalation") is not false)
                {
                    problems.Add($"{where}: allowPrivilegeEscalation is not false");
                }

                if (security.Path("capabilities.drop") is not JsonArray drop || !drop.Any(c => c?.ToString() == "ALL"))
                {
                    problems.Add($"{where}: capabilities do not drop ALL");
                }

                if ((security.Str("seccompProfile.type") ?? pod.Str("securityContext.seccompProfile.type")) != "RuntimeDefault")
                {
                    problems.Add($"{where}: seccompProfile is not RuntimeDefault");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{overlay}:\n{string.Join('\n', problems)}");
    }

    [Theory]
    [MemberData(nameof(AllOverlays))]
    public async Task Platform_pods_run_as_10001_write_only_to_tmp_and_probe_the_platform_endpoints(string overlay)
    {
        var rendered = await Manifests.RenderAsync(overlay);
        var problems = new List<string>();

        foreach (var deployment in rendered.PlatformDeployments)
        {
            var where = Describe(deployment);
            var pod = deployment.Path("spec.template.spec")!;
            var app = deployment.Items("spec.template.spec.containers").SingleOrDefault(c => c.Str("name") == "app");
            if (app is null)
            {
                problems.Add($"{where}: no container named app");
                continue;
            }

            if (Number(app, "securityContext.runAsUser") != 10001 || Number(pod, "securityContext.runAsUser") != 10001)
            {
                problems.Add($"{where}: does not run as UID 10001 (pod and container)");
            }

            if (Flag(pod, "automountServiceAccountToken") is not false)
            {
                problems.Add($"{where}: automountServiceAccountToken is not false");
            }

            var account = rendered.Find("ServiceAccount", pod.Str("serviceAccountName") ?? "");
            if (account is null || Flag(account, "automountServiceAccountToken") is not false)
            {
                problems.Add($"{where}: its ServiceAccount '{pod.Str("serviceAccountName")}' is missing or mounts its token");
            }

            var ports = app.Items("ports").ToDictionary(p => p.Str("name") ?? "", p => Number(p, "containerPort"));
            if (ports.GetValueOrDefault("grpc") != 5000 || ports.GetValueOrDefault("http") != 8080)
            {
                problems.Add($"{where}: ports are not grpc 5000 and http 8080");
            }

            if (app.Str("livenessProbe.httpGet.path") != "/healthz/live" || app.Str("livenessProbe.httpGet.port") != "http")
            {
                problems.Add($"{where}: liveness is not GET /healthz/live on http");
            }

            if (app.Str("readinessProbe.httpGet.path") != "/healthz/ready" || app.Str("readinessProbe.httpGet.port") != "http")
            {
                problems.Add($"{where}: readiness is not GET /healthz/ready on http");
            }

            if (Number(app, "startupProbe.grpc.port") != 5000)
            {
                problems.Add($"{where}: startup is not a gRPC health probe on 5000");
            }

            // The only writable path is /tmp, an emptyDir; every other mount is read-only.
            var volumes = pod.Items("volumes").ToDictionary(v => v.Str("name") ?? "");
            var mounts = app.Items("volumeMounts").ToList();
            var tmp = mounts.FirstOrDefault(m => m.Str("mountPath") == "/tmp");
            if (tmp is null || !volumes.TryGetValue(tmp.Str("name") ?? "", out var tmpVolume) || tmpVolume["emptyDir"] is null)
            {
                problems.Add($"{where}: /tmp is not an emptyDir");
            }

            foreach (var mount in mounts.Where(m => m.Str("mountPath") != "/tmp" && Flag(m, "readOnly") is not true))
            {
                problems.Add($"{where}: {mount.Str("mountPath")} is mounted writable");
            }

            // The listeners come from the Endpoints section: the measures project's appsettings.json
            // uses other ports for local runs, so the pod must set these explicitly.
            var env = EnvValues(app);
            if (env.GetValueOrDefault("Endpoints__GrpcPort") != "5000" || env.GetValueOrDefault("Endpoints__HttpPort") != "8080" || env.GetValueOrDefault("Endpoints__Address") != "0.0.0.0")
            {
                problems.Add($"{where}: Endpoints__Address/GrpcPort/HttpPort are not 0.0.0.0/5000/8080");
            }

            var config = ConfigFor(rendered, app);
            var name = deployment.Path("spec.template.metadata.labels")?["app.kubernetes.io/name"]?.ToString();
            if (config.GetValueOrDefault("OTEL_SERVICE_NAME") != name || string.IsNullOrEmpty(config.GetValueOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT")))
            {
                problems.Add($"{where}: OTEL_SERVICE_NAME is not '{name}' or OTEL_EXPORTER_OTLP_ENDPOINT is unset");
            }

            if (!app.Str("image")!.Contains(':', StringComparison.Ordinal) || app.Str("image")!.EndsWith(":latest", StringComparison.Ordinal))
            {
                problems.Add($"{where}: image {app.Str("image")} has no pinned tag (set it with the overlay's images:)");
            }

            if (deployment.Path("spec.replicas") is not null && rendered.OfKind("HorizontalPodAutoscaler").Any(h => h.Str("spec.scaleTargetRef.name") == deployment.Name()))
            {
                problems.Add($"{where}: sets replicas although an HPA scales it");
            }
        }

        Assert.True(problems.Count == 0, $"{overlay}:\n{string.Join('\n', problems)}");
    }

    [Theory]
    [MemberData(nameof(AllOverlays))]
    public async Task Dapr_annotations_match_each_services_app_id_port_and_components(string overlay)
    {
        var rendered = await Manifests.RenderAsync(overlay);
        var problems = new List<string>();
        var daprApps = new HashSet<string>(StringComparer.Ordinal);

        foreach (var deployment in rendered.PlatformDeployments)
        {
            var where = Describe(deployment);
            var annotations = deployment.StringMap("spec.template.metadata.annotations");
            var name = deployment.Path("spec.template.metadata.labels")?["app.kubernetes.io/name"]?.ToString();
            var app = deployment.Items("spec.template.spec.containers").Single(c => c.Str("name") == "app");
            if (annotations.GetValueOrDefault("dapr.io/app-id") != name || name != deployment.Name())
            {
                problems.Add($"{where}: dapr.io/app-id '{annotations.GetValueOrDefault("dapr.io/app-id")}' is not its name '{name}'");
            }

            if (annotations.GetValueOrDefault("dapr.io/enabled") is not ("true" or "false"))
            {
                problems.Add($"{where}: dapr.io/enabled is not \"true\" or \"false\"");
                continue;
            }

            if (annotations["dapr.io/enabled"] != "true")
            {
                continue;
            }

            daprApps.Add(name!);
            var httpPort = app.Items("ports").FirstOrDefault(p => p.Str("name") == "http");
            if (annotations.GetValueOrDefault("dapr.io/app-port") != Number(httpPort, "containerPort")?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                problems.Add($"{where}: dapr.io/app-port is not the http container port");
            }

            if (annotations.GetValueOrDefault("dapr.io/app-protocol") != "http")
            {
                problems.Add($"{where}: dapr.io/app-protocol is not http (the callbacks are on the HTTP/1.1 port)");
            }

            if (!annotations.ContainsKey("dapr.io/enable-api-logging"))
            {
                problems.Add($"{where}: no dapr.io/enable-api-logging");
            }

            if (rendered.Find("Configuration", annotations.GetValueOrDefault("dapr.io/config") ?? "") is null)
            {
                problems.Add($"{where}: dapr.io/config '{annotations.GetValueOrDefault("dapr.io/config")}' names no Configuration in the overlay");
            }

            var config = ConfigFor(rendered, app);
            var env = EnvValues(app);
            if (config.GetValueOrDefault("Events__ConsumerId") != name)
            {
                problems.Add($"{where}: Events__ConsumerId is not the app id");
            }

            if (env.GetValueOrDefault("Events__Transport") != "Dapr" && config.GetValueOrDefault("Events__Transport") != "Dapr")
            {
                problems.Add($"{where}: Events__Transport is not Dapr");
            }

            // The app must hold the same tokens the injector gives the sidecar.
            foreach (var (annotation, variable) in new[] { ("dapr.io/api-token-secret", "DAPR_API_TOKEN"), ("dapr.io/app-token-secret", "APP_API_TOKEN") })
            {
                var secret = annotations.GetValueOrDefault(annotation);
                var reference = app.Items("env").FirstOrDefault(e => e.Str("name") == variable);
                if (secret is null || reference.Str("valueFrom.secretKeyRef.name") != secret || reference.Str("valueFrom.secretKeyRef.key") != "token")
                {
                    problems.Add($"{where}: {variable} does not come from the {annotation} secret's 'token'");
                }
            }

            var pubsubName = config.GetValueOrDefault("Events__Dapr__PubSubName") ?? "pubsub";
            foreach (var kind in new[] { "Component", "Resiliency" })
            {
                var target = kind == "Component" ? rendered.Find(kind, pubsubName) : rendered.OfKind(kind).FirstOrDefault(r => r.Path($"spec.targets.components.{pubsubName}") is not null);
                if (target is null)
                {
                    problems.Add($"{where}: no {kind} for pubsub '{pubsubName}'");
                }
                else if (target["scopes"] is JsonArray scopes && !scopes.Any(s => s?.ToString() == name))
                {
                    problems.Add($"{where}: {Describe(target)} does not list '{name}' in its scopes");
                }
            }
        }

        foreach (var scoped in rendered.Objects.Where(o => o.Str("apiVersion")?.StartsWith("dapr.io/", StringComparison.Ordinal) == true))
        {
            if (scoped["scopes"] is not JsonArray scopes)
            {
                continue;
            }

            var stale = scopes.Select(s => s!.ToString()).Where(s => !daprApps.Contains(s)).ToList();
            if (stale.Count > 0)
            {
                problems.Add($"{Describe(scoped)}: scopes name apps that run no Dapr sidecar here: {string.Join(", ", stale)}");
            }
        }

        Assert.True(problems.Count == 0, $"{overlay}:\n{string.Join('\n', problems)}");
    }

    [Theory]
    [MemberData(nameof(AllOverlays))]
    public async Task Services_PDBs_HPAs_and_NetworkPolicies_select_pods_that_exist(string overlay)
    {
        var rendered = await Manifests.RenderAsync(overlay);
        var pods = rendered.OfKind("Deployment").Select(d => (Deployment: d, Labels: d.StringMap("spec.template.metadata.labels"))).ToList();
        var problems = new List<string>();

        List<JsonObject> Selected(JsonNode? selector) => [.. pods.Where(p => selector.Selects(p.Labels)).Select(p => p.Deployment)];

        bool HasPort(IEnumerable<JsonObject> deployments, JsonNode? port) =>
            deployments.Any(d => d.Containers().SelectMany(c => c.Items("ports")).Any(p =>
                port is JsonValue v && (v.TryGetValue<string>(out var named) ? p.Str("name") == named : Number(p, "containerPort") == v.GetValue<long>())));

        foreach (var service in rendered.OfKind("Service"))
        {
            var selected = Selected(service.Path("spec.selector"));
            if (selected.Count == 0)
            {
                problems.Add($"{Describe(service)}: selects no pods");
            }

            foreach (var port in service.Items("spec.ports"))
            {
                if (!HasPort(selected, port["targetPort"] ?? port["port"]))
                {
                    problems.Add($"{Describe(service)}: targetPort {port["targetPort"]} is no container port of the selected pods");
                }

                if (port.Str("name") == "grpc" && port.Str("appProtocol") != "kubernetes.io/h2c")
                {
                    problems.Add($"{Describe(service)}: the grpc port's appProtocol is not kubernetes.io/h2c");
                }
            }
        }

        foreach (var budget in rendered.OfKind("PodDisruptionBudget"))
        {
            if (Selected(budget.Path("spec.selector")).Count == 0)
            {
                problems.Add($"{Describe(budget)}: selects no pods");
            }
        }

        foreach (var scaler in rendered.OfKind("HorizontalPodAutoscaler"))
        {
            if (scaler.Str("spec.scaleTargetRef.kind") != "Deployment" || rendered.Find("Deployment", scaler.Str("spec.scaleTargetRef.name") ?? "") is null)
            {
                problems.Add($"{Describe(scaler)}: scales no Deployment of the overlay");
            }
        }

        foreach (var policy in rendered.OfKind("NetworkPolicy"))
        {
            var selected = Selected(policy.Path("spec.podSelector"));
            if (selected.Count == 0)
            {
                problems.Add($"{Describe(policy)}: selects no pods");
            }

            foreach (var port in policy.Items("spec.ingress").SelectMany(r => r.Items("ports")))
            {
                if (port["port"] is JsonValue v && v.TryGetValue<string>(out _) && !HasPort(selected, v))
                {
                    problems.Add($"{Describe(policy)}: ingress names port '{v}', which the selected pods do not have");
                }
            }

            var declared = policy.Path("spec.policyTypes") is JsonArray list ? list.Select(t => t!.ToString()).ToList() : [];
            if (!declared.Contains("Ingress") || !declared.Contains("Egress"))
            {
                problems.Add($"{Describe(policy)}: does not restrict both Ingress and Egress");
            }
        }

        foreach (var ingress in rendered.OfKind("Ingress"))
        {
            foreach (var backend in ingress.Items("spec.rules").SelectMany(r => r.Items("http.paths")).Select(p => p.Path("backend.service")))
            {
                var service = rendered.Find("Service", backend.Str("name") ?? "");
                if (service is null || !service.Items("spec.ports").Any(p => p.Str("name") == backend.Str("port.name")))
                {
                    problems.Add($"{Describe(ingress)}: backend {backend.Str("name")}:{backend.Str("port.name")} is no Service port of the overlay");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{overlay}:\n{string.Join('\n', problems)}");
    }

    [Theory]
    [MemberData(nameof(AllOverlays))]
    public async Task Every_ConfigMap_and_Secret_referenced_exists_or_is_documented_as_external(string overlay)
    {
        var rendered = await Manifests.RenderAsync(overlay);
        var external = ExternalSecrets.Documented();
        var problems = new List<string>();

        void Check(string kind, string? name, string? key, string where)
        {
            if (string.IsNullOrEmpty(name))
            {
                problems.Add($"{where}: a {kind} reference without a name");
                return;
            }

            var found = rendered.Find(kind, name);
            if (found is not null)
            {
                var keys = found.StringMap("data").Keys.Concat(found.StringMap("stringData").Keys);
                if (key is not null && !keys.Contains(key))
                {
                    problems.Add($"{where}: {kind} {name} has no key '{key}'");
                }

                return;
            }

            if (kind == "ConfigMap")
            {
                problems.Add($"{where}: ConfigMap {name} is not in the overlay");
            }
            else if (!external.TryGetValue(name, out var documented) || !documented.Overlays.Contains(overlay))
            {
                problems.Add($"{where}: Secret {name} is neither in the overlay nor documented for '{overlay}' in docs/deploy.md (Secrets)");
            }
            else if (key is not null && !documented.Keys.Contains(key))
            {
                problems.Add($"{where}: Secret {name}'s key '{key}' is not documented in docs/deploy.md");
            }
        }

        foreach (var deployment in rendered.OfKind("Deployment"))
        {
            var where = Describe(deployment);
            foreach (var container in deployment.Containers())
            {
                foreach (var source in container.Items("envFrom"))
                {
                    if (source["configMapRef"] is not null && Flag(source, "configMapRef.optional") is not true)
                    {
                        Check("ConfigMap", source.Str("configMapRef.name"), null, where);
                    }

                    if (source["secretRef"] is not null && Flag(source, "secretRef.optional") is not true)
                    {
                        Check("Secret", source.Str("secretRef.name"), null, where);
                    }
                }

                foreach (var variable in container.Items("env"))
                {
                    if (variable.Path("valueFrom.configMapKeyRef") is not null)
                    {
                        Check("ConfigMap", variable.Str("valueFrom.configMapKeyRef.name"), variable.Str("valueFrom.configMapKeyRef.key"), where);
                    }

                    if (variable.Path("valueFrom.secretKeyRef") is not null)
                    {
                        Check("Secret", variable.Str("valueFrom.secretKeyRef.name"), variable.Str("valueFrom.secretKeyRef.key"), where);
                    }
                }
            }

            foreach (var volume in deployment.Items("spec.template.spec.volumes"))
            {
                if (volume["configMap"] is not null)
                {
                    Check("ConfigMap", volume.Str("configMap.name"), null, where);
                }

                if (volume["secret"] is not null)
                {
                    Check("Secret", volume.Str("secret.secretName"), null, where);
                }
            }

            var annotations = deployment.StringMap("spec.template.metadata.annotations");
            if (annotations.GetValueOrDefault("dapr.io/enabled") == "true")
            {
                foreach (var annotation in new[] { "dapr.io/api-token-secret", "dapr.io/app-token-secret" })
                {
                    if (annotations.TryGetValue(annotation, out var secret))
                    {
                        Check("Secret", secret, "token", $"{where} {annotation}");
                    }
                }
            }
        }

        foreach (var component in rendered.OfKind("Component"))
        {
            foreach (var item in component.Items("spec.metadata").Where(i => i["secretKeyRef"] is not null))
            {
                Check("Secret", item.Str("secretKeyRef.name"), item.Str("secretKeyRef.key"), $"{Describe(component)} {item.Str("name")}");
            }
        }

        foreach (var ingress in rendered.OfKind("Ingress"))
        {
            foreach (var tls in ingress.Items("spec.tls"))
            {
                Check("Secret", tls.Str("secretName"), null, Describe(ingress));
            }

            if (ingress.StringMap("metadata.annotations").TryGetValue("nginx.ingress.kubernetes.io/auth-tls-secret", out var ca))
            {
                var parts = ca.Split('/');
                if (parts.Length == 2 && parts[0] != ingress.Str("metadata.namespace"))
                {
                    problems.Add($"{Describe(ingress)}: auth-tls-secret {ca} is not in the overlay's namespace");
                }

                Check("Secret", parts[^1], null, Describe(ingress));
            }
        }

        Assert.True(problems.Count == 0, $"{overlay}:\n{string.Join('\n', problems)}");
    }

    [Theory]
    [MemberData(nameof(AllOverlays))]
    public async Task The_gateway_gets_its_registry_file_and_exactly_one_token_source(string overlay)
    {
        var rendered = await Manifests.RenderAsync(overlay);
        var gateway = rendered.Find("Deployment", "gateway");
        if (!Runs.GetValueOrDefault(overlay, []).Contains("gateway"))
        {
            Assert.Null(gateway);
            return;
        }

        Assert.NotNull(gateway);
        var app = gateway.Items("spec.template.spec.containers").Single(c => c.Str("name") == "app");
        var config = ConfigFor(rendered, app);
        var environment = config.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") ?? "Production";
        var mount = Assert.Single(app.Items("volumeMounts"), m => m.Str("mountPath") == $"/app/appsettings.{environment}.json");
        var volume = gateway.Items("spec.template.spec.volumes").Single(v => v.Str("name") == mount.Str("name"));
        var registry = rendered.Find("ConfigMap", volume.Str("configMap.name") ?? "");
        Assert.NotNull(registry);
        var json = registry.Path("data") is JsonObject data && data.TryGetPropertyValue(mount.Str("subPath") ?? "", out var text) ? text?.ToString() : null;
        Assert.False(string.IsNullOrEmpty(json), $"{overlay}: the registry ConfigMap has no key {mount.Str("subPath")}");
        var document = JsonNode.Parse(json!);
        Assert.Matches("^[a-z0-9-]{1,64}$", document.Str("Gateway.Registry.Region.Code") ?? "");
        foreach (var (instance, address) in document.StringMap("Gateway.Registry.Instances"))
        {
            Assert.True(Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", $"{overlay}: registry instance {instance} has no http(s) address");
        }

        var env = app.Items("env").Select(e => e.Str("name")).ToHashSet();
        var hasAuthority = !string.IsNullOrEmpty(config.GetValueOrDefault("Gateway__Auth__Authority"));
        var hasKey = env.Contains("Gateway__Auth__DevelopmentKey") || !string.IsNullOrEmpty(config.GetValueOrDefault("Gateway__Auth__DevelopmentKey"));
        Assert.True(hasAuthority ^ hasKey, $"{overlay}: the gateway needs exactly one of Gateway__Auth__Authority (OIDC) and Gateway__Auth__DevelopmentKey");
        if (hasAuthority)
        {
            Assert.StartsWith("https://", config["Gateway__Auth__Authority"], StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AllOverlays))]
    public async Task Surveys_trusts_the_forwarded_address_only_from_private_networks_its_policy_limits_to_the_gateway(string overlay)
    {
        var rendered = await Manifests.RenderAsync(overlay);
        var surveys = rendered.Find("Deployment", "surveys");
        if (surveys is null)
        {
            return;
        }

        var app = surveys.Items("spec.template.spec.containers").Single(c => c.Str("name") == "app");
        var trusted = ConfigFor(rendered, app)
            .Where(e => e.Key.StartsWith("Surveys__Pages__TrustedProxies__", StringComparison.Ordinal))
            .Select(e => System.Net.IPNetwork.Parse(e.Value))
            .ToList();
        Assert.True(trusted.Count > 0, $"{overlay}: without Surveys__Pages__TrustedProxies every respondent behind the gateway shares one limit");
        Assert.All(trusted, n => Assert.True(
            n.BaseAddress.IsIPv6UniqueLocal || n.BaseAddress.ToString() is "10.0.0.0" or "172.16.0.0" or "192.168.0.0",
            $"{overlay}: {n} is not a private network"));

        // Trusting a network is only safe while nothing but the gateway can reach the pages' port.
        var policy = rendered.Find("NetworkPolicy", "surveys");
        Assert.NotNull(policy);
        var reachingPages = policy.Items("spec.ingress")
            .Where(rule => !rule.Items("ports").Any() || rule.Items("ports").Any(p => p.Str("port") == "http"))
            .ToList();
        Assert.NotEmpty(reachingPages);
        Assert.All(reachingPages.SelectMany(rule => rule.Items("from")), peer => Assert.True(
            peer.StringMap("podSelector.matchLabels").GetValueOrDefault("app.kubernetes.io/name") == "gateway" && peer.Path("namespaceSelector") is null,
            $"{overlay}: the surveys NetworkPolicy lets more than the gateway reach the pages"));
    }

    [Theory]
    [InlineData("agency")]
    [InlineData("agency-redis")]
    public async Task The_pubsub_component_is_the_one_the_overlay_names(string overlay)
    {
        var rendered = await Manifests.RenderAsync(overlay);

        var component = Assert.Single(rendered.OfKind("Component"));
        var type = overlay.EndsWith("-redis", StringComparison.Ordinal) ? "pubsub.redis" : "pubsub.rabbitmq";
        Assert.Equal(type, component.Str("spec.type"));
        var brokerPorts = rendered.OfKind("NetworkPolicy").Where(p => p.Name() != "gateway")
            .SelectMany(p => p.Items("spec.egress")).SelectMany(r => r.Items("ports")).Select(p => Number(p, "port")).ToHashSet();
        Assert.Equal(type == "pubsub.redis", brokerPorts.Contains(6379));
        Assert.Equal(type == "pubsub.rabbitmq", brokerPorts.Contains(5672));
        Assert.Contains(component.Items("spec.metadata"), m => m.Str("name") == (type == "pubsub.redis" ? "redisHost" : "connectionString") && m["secretKeyRef"] is not null);
    }

    internal static string Describe(JsonNode? o) => $"{o.Str("kind")}/{o.Name()}";

    private static bool? Flag(JsonNode? node, string dotted) =>
        node.Path(dotted) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    private static long? Number(JsonNode? node, string dotted) =>
        node.Path(dotted) is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    /// <summary>Plain env values of a container (not valueFrom).</summary>
    private static Dictionary<string, string> EnvValues(JsonObject container) =>
        container.Items("env").Where(e => e["value"] is not null).ToDictionary(e => e.Str("name")!, e => e["value"]!.ToString());

    /// <summary>The merged data of a container's envFrom ConfigMaps (later ones win, as in Kubernetes).</summary>
    private static Dictionary<string, string> ConfigFor(Rendered rendered, JsonObject container)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container.Items("envFrom"))
        {
            foreach (var (key, value) in rendered.Find("ConfigMap", source.Str("configMapRef.name") ?? "").StringMap("data"))
            {
                merged[key] = value;
            }
        }

        return merged;
    }
}
