namespace Safeguarding.Platform.Events;

/// <summary>A message is not a CloudEvent this platform accepts; it can never succeed (DROP / dead-letter).</summary>
public sealed class CloudEventFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CloudEventFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CloudEventFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CloudEventFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
