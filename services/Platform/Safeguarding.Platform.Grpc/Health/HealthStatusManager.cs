using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// Serving status per service name ("" is the whole server), with change notification for Watch.
/// Mapped services start SERVING; hosting sets "" from readiness and everything NOT_SERVING on shutdown.
/// </summary>
public sealed class HealthStatusManager
{
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal) { [string.Empty] = ServingStatus.Serving };
    private readonly Lock _lock = new();

    /// <summary>Raised after a status changes, with the service name.</summary>
    public event Action<string>? Changed;

    /// <summary>Sets a service's status ("" for the server as a whole).</summary>
    public void SetStatus(string service, ServingStatus status)
    {
        bool changed;
        lock (_lock)
        {
            changed = !_statuses.TryGetValue(service, out var old) || old != status;
            _statuses[service] = status;
        }

        if (changed)
        {
            Changed?.Invoke(service);
        }
    }

    /// <summary>Sets every known service (and the server) to one status, e.g. NOT_SERVING while draining.</summary>
    public void SetAll(ServingStatus status)
    {
        string[] names;
        lock (_lock)
        {
            names = [.. _statuses.Keys];
        }

        foreach (var name in names)
        {
            SetStatus(name, status);
        }
    }

    /// <summary>The status of a service, or null when the name is unknown.</summary>
    public ServingStatus? GetStatus(string service)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out var status) ? status : null;
        }
    }
}
