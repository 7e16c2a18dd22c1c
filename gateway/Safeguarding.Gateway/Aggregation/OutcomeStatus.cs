namespace Safeguarding.Gateway.Aggregation;

/// <summary>How one organisation (or instance) fared in a fan-out; anything but Ok means no figures from it.</summary>
public enum OutcomeStatus
{
    Ok,
    Timeout,
    Unavailable,
    NotPermitted,
    Failed,
    NoInstance,

    /// <summary>Answered, but does not record what was asked for.</summary>
    NotRecorded,

    /// <summary>Answered, but its definition means something else: left out, not mixed in.</summary>
    DifferentDefinition,
}
