using Microsoft.Extensions.DependencyInjection.Extensions;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;
using Safeguarding.Platform.Persistence;
using Safeguarding.Surveys.Application;
using Safeguarding.Surveys.Grpc;
using Safeguarding.Surveys.Pages;
using Safeguarding.Surveys.Persistence;

namespace Safeguarding.Surveys;

/// <summary>The surveys service's wiring: persistence, events and the application layer.</summary>
public static class SurveysServiceExtensions
{
    public static WebApplicationBuilder AddSurveys(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration["Events:ConsumerId"]))
        {
            configuration["Events:ConsumerId"] = serviceName;
        }

        var services = builder.Services;
        services.AddPlatformPersistence<SurveysDbContext>(configuration, SurveysDbContext.Migrations);
        services.AddPlatformEvents(configuration).AddOutbox<SurveysDbContext>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck<SurveysDbContext>>("surveys-database", tags: [Platform.Hosting.HealthEndpoints.ReadyTag]);
        services.AddGrpcHealthFor(V1.SurveysService.Descriptor.FullName);
        services.AddSingleton<IRpcExceptionMapper, SurveysErrors>();
        services.Configure<SurveysOptions>(configuration.GetSection(SurveysOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FollowUpPseudonyms>();
        services.AddSingleton<QuestionnaireCache>();
        services.AddScoped<QuestionnaireCatalog>();
        services.AddScoped<WaveCommands>();
        services.AddScoped<ResultsSummaryQuery>();
        services.AddScoped<StoryCommands>();
        services.AddScoped<StorySharing>();
        services.AddScoped<SurveysGrpcService>();
        services.AddScoped<RespondentPages.Session>();
        services.AddRespondentPages(configuration);
        return builder;
    }
}
