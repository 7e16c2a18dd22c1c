using Safeguarding.Platform.Hosting;

namespace Safeguarding.Reporting.Curves;

/// <summary>Turning the Curve's wiring (TurningTheCurveService), added by AddReporting and MapReporting in one line each.</summary>
internal static class TurningTheCurveExtensions
{
    public static IServiceCollection AddTurningTheCurve(this IServiceCollection services)
    {
        services.AddScoped<CurveStore>();
        services.AddScoped<CurveBaseline>();
        services.AddScoped<CurvePlan>();
        services.AddScoped<CurvesForReports>();
        services.AddScoped<TurningTheCurveGrpcService>();
        services.AddGrpcHealthFor(V1.TurningTheCurveService.Descriptor.FullName);
        return services;
    }

    public static WebApplication MapTurningTheCurve(this WebApplication app)
    {
        app.MapGrpcService<TurningTheCurveGrpcService>();
        return app;
    }
}
