namespace Safeguarding.Measures.Application;

/// <summary>Something the request names does not exist (an organisation, measure, content area, observation).</summary>
public sealed class ResourceNotFoundException(string resourceType, string resourceName)
    : Exception($"{resourceType} '{resourceName}' was not found.")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = resourceName;
}

/// <summary>Creating something that already exists (a measure id, an adopted area, a different current figure).</summary>
public sealed class ResourceConflictException(string resourceType, string resourceName, string description)
    : Exception(description)
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = resourceName;
}

/// <summary>The state the request assumed no longer holds (a stale etag, a superseded observation, a retired measure).</summary>
public sealed class PreconditionFailedException(string type, string subject, string description)
    : Exception(description)
{
    public string Type { get; } = type;

    public string Subject { get; } = subject;
}
