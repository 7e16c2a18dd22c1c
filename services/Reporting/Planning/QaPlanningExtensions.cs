using Microsoft.Extensions.DependencyInjection.Extensions;
using Safeguarding.Platform.Hosting;
using Safeguarding.Reporting.Annotations;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Planning;

namespace Safeguarding.Reporting;

/// <summary>The QA timetable's and chart annotations' wiring (QaPlanningService), added by AddReporting in one line.</summary>
internal static class QaPlanningExtensions
{
    public static IServiceCollection AddQaPlanning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TimetableOptions>()
            .Bind(configuration.GetSection(TimetableOptions.Section))
            .Validate(o => !TimetableOptions.Problems(o).Any(), "Reporting:Timetable:Rules has a rule that cannot be evaluated: each needs a Name, Activities and EveryYears 1 to 10.")
            .ValidateOnStart();
        services.AddScoped<TimetableStore>();
        services.AddScoped<AnnotationStore>();
        services.AddScoped<Targets.TargetStore>();
        // The proposals' stand-in (no targets known) gives way to the stored targets.
        services.Replace(ServiceDescriptor.Scoped<Proposals.ITargetSource, Targets.StoredTargetSource>());
        services.AddScoped<QaPlanningGrpcService>();
        services.AddGrpcHealthFor(V1.QaPlanningService.Descriptor.FullName);
        return services;
    }
}
