namespace Safeguarding.Cli.Demo;

/// <summary>What a demo step tells whoever shows it: finished pieces of work, and how far along it is.</summary>
internal interface IDemoProgress
{
    /// <summary>A piece of the step is done (one line for the user).</summary>
    void Done(string message);

    /// <summary>How far the step has got, from 0 to 1.</summary>
    void Advance(double fraction);
}

/// <summary>Progress nobody watches (tests).</summary>
internal sealed class SilentProgress : IDemoProgress
{
    public static readonly SilentProgress Instance = new();

    public void Done(string message)
    {
    }

    public void Advance(double fraction)
    {
    }
}
