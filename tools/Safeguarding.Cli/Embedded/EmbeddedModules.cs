using Microsoft.AspNetCore.Builder;
using Safeguarding.Measures;
using Safeguarding.Reporting;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Cli.Embedded;

/// <summary>The services the embedded runner starts, in start order (consumers before producers).</summary>
internal static class EmbeddedModules
{
    public static readonly IReadOnlyList<EmbeddedModule> All =
    [
        EmbeddedModule.Of<ReportingModule>(),
        EmbeddedModule.Of<MeasuresModule>(),
    ];
}

/// <summary>How to build one service's application.</summary>
internal sealed record EmbeddedModule(string Name, Func<IDictionary<string, string?>, WebApplication> Build)
{
    public static EmbeddedModule Of<TModule>()
        where TModule : IServiceModule =>
        new(TModule.Name, settings => ServiceHost.Build<TModule>([], settings));
}
