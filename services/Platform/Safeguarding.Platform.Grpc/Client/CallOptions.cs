namespace Safeguarding.Platform.Grpc;

/// <summary>Per-call options: metadata, deadline, cancellation and request compression.</summary>
public readonly record struct CallOptions
{
    /// <summary>Custom request metadata.</summary>
    public Metadata? Headers { get; init; }

    /// <summary>When the call must be over (UTC). Sent as grpc-timeout and enforced locally.</summary>
    public DateTime? Deadline { get; init; }

    /// <summary>Cancels the call (the server sees the stream reset).</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Compress request messages with this encoding ("gzip"); null uses the channel default.</summary>
    public string? RequestEncoding { get; init; }

    /// <summary>Options with a deadline this far from now.</summary>
    public static CallOptions WithTimeout(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        new() { Deadline = DateTime.UtcNow + timeout, CancellationToken = cancellationToken };
}
