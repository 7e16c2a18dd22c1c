using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Safeguarding.Reporting.Tests.Browser;

/// <summary>
/// Finds axe-core's axe.min.js, installing it on first use with `npm ci` from tools/testenv/axe (a lock file pins
/// the version), and runs it on a page.
/// </summary>
internal static class AxeCore
{
    /// <summary>Runs axe-core's WCAG 2.0–2.2 A and AA rules on <paramref name="page"/>: each violation (rule, help, first places) and how many rules passed.</summary>
    public static async Task<(IReadOnlyList<string> Violations, int Passes)> RunAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = await ScriptAsync() });
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
              return { passes: r.passes.length,
                       violations: r.violations.map(v => v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')) };
            }
            """);
        return ([.. result.GetProperty("violations").EnumerateArray().Select(v => $"{page.Url}: {v.GetString()}")], result.GetProperty("passes").GetInt32());
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<string> ScriptAsync()
    {
        var folder = Path.Combine(RepositoryRoot(), "tools", "testenv", "axe");
        var script = Path.Combine(folder, "node_modules", "axe-core", "axe.min.js");
        await Gate.WaitAsync();
        try
        {
            if (File.Exists(script))
            {
                return script;
            }

            // The version is pinned by tools/testenv/axe/package-lock.json: `npm ci` installs exactly it.
            var start = new ProcessStartInfo("npm")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
            {
                start.ArgumentList.Add(argument);
            }

            Process npm;
            try
            {
                npm = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("The accessibility test needs npm (Debian package 'npm') to install axe-core. Run ./tools/test.sh.", e);
            }

            using (npm)
            {
                var output = npm.StandardOutput.ReadToEndAsync();
                var errors = npm.StandardError.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
                await npm.WaitForExitAsync(timeout.Token);
                if (npm.ExitCode != 0 || !File.Exists(script))
                {
                    throw new InvalidOperationException($"npm ci in {folder} failed ({npm.ExitCode}): {await errors} {await output}");
                }
            }

            return script;
        }
        finally
        {
            Gate.Release();
        }
    }

    // SAFEGUARDING_REPO_ROOT when the test command set it, else the folder above the test output holding the solution.
    private static string RepositoryRoot()
    {
        if (Environment.GetEnvironmentVariable("SAFEGUARDING_REPO_ROOT") is { Length: > 0 } root)
        {
            return root;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Safeguarding.Platform.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Safeguarding.Platform.sln) was not found above the test output; set SAFEGUARDING_REPO_ROOT.");
    }
}
