using Microsoft.AspNetCore.Builder;
using Safeguarding.Audits;
using Safeguarding.CaseReviews;
using Safeguarding.Gateway;
using Safeguarding.Measures;
using Safeguarding.Reporting;
using Safeguarding.Surveys;
using Safeguarding.Web;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Cli.Embedded;

/// <summary>The services the embedded runner starts, in start order (consumers before producers); the gateway comes last.</summary>
internal static class EmbeddedModules
{
    public static readonly IReadOnlyList<EmbeddedModule> Services =
    [
        // Reporting asks case reviews for a partnership's dashboard at a fixed address: case reviews starts first.
        EmbeddedModule.Of<CaseReviewsModule>(),
        EmbeddedModule.Of<ReportingModule>(),
        EmbeddedModule.Of<MeasuresModule>(),
        // Audits hand their figures to measures through events: measures (the consumer) starts first.
        EmbeddedModule.Of<AuditsModule>(),
        EmbeddedModule.Of<SurveysModule>(),
    ];

    public static readonly EmbeddedModule Gateway = EmbeddedModule.Of<GatewayModule>();

    /// <summary>The web application: started after the gateway, which is the only thing it calls.</summary>
    public static readonly EmbeddedModule Web = EmbeddedModule.Of<WebModule>();
}

/// <summary>How to build one service's application (with an optional hook, e.g. for a test's log capture).</summary>
internal sealed record EmbeddedModule(string Name, Func<IDictionary<string, string?>, Action<WebApplicationBuilder>?, WebApplication> Build)
{
    public static EmbeddedModule Of<TModule>()
        where TModule : IServiceModule =>
        new(TModule.Name, (settings, configure) => ServiceHost.Build<TModule>([], settings, configure));
}
