using Microsoft.Extensions.DependencyInjection.Extensions;
using Safeguarding.Reporting.Proposals;
using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Actions;

/// <summary>The actions register and proposals wiring, called once from ReportingExtensions.</summary>
internal static class ActionsRegisterExtensions
{
    public static IServiceCollection AddActionsRegister(this IServiceCollection services)
    {
        services.AddSingleton<IReadModelProjection, CaseReviewActionProjection>();
        services.AddScoped<ActionStore>();
        services.AddScoped<MovementReader>();
        services.AddScoped<RegisterForReports>();
        services.AddScoped<ProposalStore>();
        services.AddScoped<FindingProposer>();
        services.TryAddSingleton<ITargetSource, NoTargetSource>();
        services.AddScoped<ActionsRegisterGrpcService>();
        return services;
    }

    public static WebApplication MapActionsRegister(this WebApplication app)
    {
        app.MapGrpcService<ActionsRegisterGrpcService>();
        return app;
    }
}
