using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.FileProviders;
using Safeguarding.Platform.Hosting;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.CsvImports;
using Safeguarding.Web.Security;
using Safeguarding.Web.Session;

namespace Safeguarding.Web;

/// <summary>The web application as a hostable module: alone in its container, or beside the services in the embedded runner.</summary>
public sealed class WebModule : IServiceModule
{
    public static string Name => "web";

    public static void Add(WebApplicationBuilder builder)
    {
        builder.Services.Configure<WebOptions>(builder.Configuration.GetSection(WebOptions.Section));
        // Hosted by the CLI too, whose entry assembly has no pages: name this one.
        builder.Services.AddRazorPages().AddApplicationPart(typeof(WebModule).Assembly);
        // Answers between a question page and check answers: an encrypted cookie like the session's, never the address.
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = "sg-web-answers";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.IsEssential = true;
        });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "sg-web-form";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "formToken";
        });
        builder.Services.AddDataProtection().SetApplicationName("safeguarding-web");
        builder.Services.AddSingleton<WebSessions>();
        builder.Services.AddSingleton<GatewayCalls>();
        builder.Services.AddSingleton<FiguresGateway>();
        builder.Services.AddSingleton<ImportsGateway>();
        builder.Services.AddSingleton<ReportsGateway>();
        builder.Services.AddSingleton<CompareGateway>();
        builder.Services.AddSingleton<ReviewsGateway>();
        builder.Services.AddSingleton<AuditsGateway>();
        builder.Services.AddSingleton<SurveysGateway>();
        builder.Services.AddSingleton<ReturnsGateway>();
        builder.Services.AddSingleton<BoardGateway>();
        builder.Services.AddSingleton<ImportJobs>();

        // Production: sign-in with the organisation's identity provider; the development sign-in is then switched off.
        var oidc = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>()?.Oidc;
        if (oidc is { Enabled: true })
        {
            OidcSignIn.Add(builder.Services, oidc);
        }
    }

    public static void Map(WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        // Failures and unknown addresses get a page that says what to do next, never an empty 500 or 404.
        app.UseExceptionHandler("/problem");
        app.UseStatusCodePagesWithReExecute("/problem", "?status={0}");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "web-assets")),
            RequestPath = "/static",
        });
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebOptions>>().Value.Oidc.Enabled)
        {
            // Only the provider's callback path is handled here; pages read the session themselves (SignedInPageModel).
            app.UseAuthentication();
        }

        app.MapRazorPages();
    }
}
