using Google.Protobuf.Reflection;

namespace Safeguarding.Platform.Grpc;

/// <summary>The proto services this server serves (for reflection, health and UNIMPLEMENTED answers).</summary>
public sealed class GrpcServiceRegistry
{
    private readonly Dictionary<string, ServiceDescriptor> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServiceDescriptor> _forwarded = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Every registered service, in registration order of names.</summary>
    public IReadOnlyList<ServiceDescriptor> Services
    {
        get
        {
            lock (_lock)
            {
                return [.. _services.Values.OrderBy(s => s.FullName, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>
    /// What reflection lists: the services mapped here and those this host forwards to others (a
    /// gateway), so clients such as grpcurl can describe and call every service reachable through it.
    /// </summary>
    public IReadOnlyList<ServiceDescriptor> Advertised
    {
        get
        {
            lock (_lock)
            {
                return [.. _services.Values.Concat(_forwarded.Values.Where(f => !_services.ContainsKey(f.FullName))).OrderBy(s => s.FullName, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Declares a service this host forwards (not mapped here), for reflection.</summary>
    public void AddForwarded(ServiceDescriptor service)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            _forwarded[service.FullName] = service;
        }
    }

    /// <summary>Whether a service full name is served.</summary>
    public bool Contains(string fullName)
    {
        lock (_lock)
        {
            return _services.ContainsKey(fullName);
        }
    }

    private bool _fallbackMapped;

    /// <summary>True exactly once: the UNIMPLEMENTED fallback route is mapped by the first service.</summary>
    internal bool TryClaimFallback()
    {
        lock (_lock)
        {
            var first = !_fallbackMapped;
            _fallbackMapped = true;
            return first;
        }
    }

    internal void Add(ServiceDescriptor service)
    {
        lock (_lock)
        {
            if (!_services.TryAdd(service.FullName, service))
            {
                throw new InvalidOperationException($"Service {service.FullName} is mapped twice.");
            }
        }
    }
}
