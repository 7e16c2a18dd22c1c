namespace Safeguarding.Cli;

/// <summary>A problem the user can fix (missing file, bad option, refused call): printed plainly, exit code 1, no stack trace.</summary>
internal sealed class CliException(string message) : Exception(message);
