using Safeguarding.CaseReviews.Application;
using Safeguarding.CaseReviews.Domain;
using Safeguarding.CaseReviews.Domain.Clocks;
using Safeguarding.CaseReviews.Domain.Themes;
using Safeguarding.CaseReviews.Events;
using Safeguarding.CaseReviews.Grpc;
using Safeguarding.CaseReviews.Persistence;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;
using Safeguarding.Platform.Persistence;

namespace Safeguarding.CaseReviews;

/// <summary>The case reviews service's wiring: persistence, events, clocks, themes, organisations and the application layer.</summary>
public static class CaseReviewsServiceExtensions
{
    public static WebApplicationBuilder AddCaseReviews(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration["Events:ConsumerId"]))
        {
            configuration["Events:ConsumerId"] = serviceName; // the app id, as Dapr names it
        }

        var services = builder.Services;
        services.AddPlatformPersistence<CaseReviewsDbContext>(configuration, CaseReviewsDbContext.Migrations);
        services.AddPlatformEvents(configuration).AddOutbox<CaseReviewsDbContext>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck<CaseReviewsDbContext>>("casereviews-database", tags: [Platform.Hosting.HealthEndpoints.ReadyTag]);
        services.AddGrpcHealthFor(V1.CaseReviewsService.Descriptor.FullName);
        services.AddSingleton<IRpcExceptionMapper, CaseReviewsErrors>();

        services.AddSingleton<IWorkingDayCalendar>(new EnglandAndWalesCalendar(configuration.GetSection("CaseReviews:ExtraBankHolidays").Get<List<DateOnly>>()));
        services.AddSingleton(ClockRuleOptions.Build(configuration.GetSection(ClockRuleOptions.Section).Get<ClockRuleOptions>()));
        services.AddSingleton(new ThemeTaxonomy(configuration.GetSection("CaseReviews:Themes").Get<List<ThemeOptions>>()?
            .Select(t => new Theme(t.ThemeId, t.Title, t.Description, t.Source))));
        services.AddSingleton(new Partnerships(configuration.GetSection("Organisations").Get<List<OrganisationEntry>>() ?? []));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ReviewEvents>();
        services.AddSingleton<ReviewMapping>();
        services.AddScoped<ReviewCommands>();
        services.AddScoped<ReviewQueries>();
        services.AddScoped<CaseReviewsGrpcService>();
        return builder;
    }

    /// <summary>A theme a deployment adds (<c>CaseReviews:Themes</c>).</summary>
    public sealed class ThemeOptions
    {
        public string ThemeId { get; set; } = "";

        public string Title { get; set; } = "";

        public string Description { get; set; } = "";

        public string Source { get; set; } = "configured";
    }
}
