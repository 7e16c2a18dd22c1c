using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Safeguarding.Platform.Grpc.InteropTests.Infrastructure;

/// <summary>
/// A child process whose stdout lines are collected as they come (the Python scripts print JSON
/// lines). Disposing it kills the whole process tree, so no test leaves a process behind.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly StringBuilder _stderr = new();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];

    private ChildProcess(Process process) => _process = process;

    /// <summary>Every stdout line so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_lock)
            {
                return $"--- stdout\n{string.Join('\n', _lines)}\n--- stderr\n{_stderr}";
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnError(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The first stdout line (already printed or yet to come) that matches; fails if none comes in time.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            _waiters.Add((match, found));
        }

        var winner = await Task.WhenAny(found.Task, _stdoutClosed.Task, Task.Delay(timeout));
        if (winner == found.Task)
        {
            return await found.Task;
        }

        lock (_lock)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }
        }

        throw new TimeoutException($"{_process.StartInfo.FileName} printed no expected line ({(winner == _stdoutClosed.Task ? "it exited" : $"waited {timeout}")}).\n{Output}");
    }

    /// <summary>The stdout lines that are JSON objects.</summary>
    public IReadOnlyList<JsonElement> JsonLines() =>
        [.. Lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    /// <summary>Waits for the process to exit (killing it after the timeout) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{_process.StartInfo.FileName} did not finish within {timeout}; killed.\n{Output}");
        }

        await _stdoutClosed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It never started or is already gone.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            _stdoutClosed.TrySetResult();
            return;
        }

        List<TaskCompletionSource<string>> matched = [];
        lock (_lock)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                matched.Add(waiter.Found);
            }
        }

        foreach (var found in matched)
        {
            found.TrySetResult(line);
        }
    }

    private void OnError(string? line)
    {
        if (line is not null)
        {
            lock (_lock)
            {
                _stderr.AppendLine(line);
            }
        }
    }
}
