using Microsoft.Extensions.Options;

namespace Safeguarding.Gateway.Registry;

/// <summary>
/// The live registry: built from configuration at startup (a bad configuration stops the gateway)
/// and rebuilt whenever the configuration changes, without a restart. A bad edit at run time is
/// logged and ignored: the gateway keeps serving with the last good snapshot.
/// </summary>
public sealed class OrganisationRegistry : IDisposable
{
    private readonly ILogger<OrganisationRegistry> _logger;
    private readonly IDisposable? _subscription;
    private readonly Lock _lock = new();
    private RegistrySnapshot _current;

    public OrganisationRegistry(IOptionsMonitor<RegistryOptions> options, ILogger<OrganisationRegistry> logger)
    {
        _logger = logger;
        var (snapshot, problems) = RegistryBuilder.Build(options.CurrentValue, version: 1);
        _current = snapshot ?? throw new OptionsValidationException(RegistryOptions.Section, typeof(RegistryOptions), problems);
        RegistryLog.Loaded(logger, _current.Version, _current.Count, _current.Instances.Count);
        _subscription = options.OnChange(Reload);
    }

    /// <summary>Raised after a new snapshot is in place.</summary>
    public event Action<RegistrySnapshot>? Changed;

    /// <summary>The snapshot to use for one call.</summary>
    public RegistrySnapshot Current => Volatile.Read(ref _current);

    public void Dispose() => _subscription?.Dispose();

    private void Reload(RegistryOptions options)
    {
        RegistrySnapshot next;
        lock (_lock)
        {
            var (snapshot, problems) = RegistryBuilder.Build(options, _current.Version + 1);
            if (snapshot is null)
            {
                RegistryLog.ReloadRejected(_logger, problems.Count, problems);
                return;
            }

            Volatile.Write(ref _current, snapshot);
            next = snapshot;
        }

        RegistryLog.Loaded(_logger, next.Version, next.Count, next.Instances.Count);
        Changed?.Invoke(next);
    }
}
