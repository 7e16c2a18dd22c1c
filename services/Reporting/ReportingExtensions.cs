using Safeguarding.Platform.Hosting;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Events.Dapr;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Persistence;
using Safeguarding.Reporting.Actions;
using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.CaseReviews;
using Safeguarding.Reporting.Curves;
using Safeguarding.Reporting.Events;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.Region;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.Rendering;
using Safeguarding.Reporting.Rendering.Csv;
using Safeguarding.Reporting.Rendering.Pdf;
using Safeguarding.Reporting.SignOff;

namespace Safeguarding.Reporting;

/// <summary>The reporting service's wiring, so Program.cs reads like a table of contents.</summary>
public static class ReportingExtensions
{
    // A partnership's Report Book in HTML can pass gRPC's usual 4 MB; clients raise their receive limit to match.
    private const int MaxResponseBytes = 64 * 1024 * 1024;

    public static WebApplicationBuilder AddReporting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;

        var options = configuration.GetSection(ReportingOptions.Section).Get<ReportingOptions>() ?? new ReportingOptions();
        builder.Services.Configure<ReportingOptions>(configuration.GetSection(ReportingOptions.Section));
        builder.Services.RaiseMaxSendMessageSize(MaxResponseBytes);
        builder.Services.AddPlatformPersistence<ReportingDbContext>(configuration, ReportingDbContext.Migrations);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("reporting-database", tags: [Platform.Hosting.HealthEndpoints.ReadyTag]);
        builder.Services.AddGrpcHealthFor(V1.ReportingService.Descriptor.FullName);

        builder.Services.AddPlatformEvents(configuration)
            .AddOutbox<ReportingDbContext>()
            .Consume(ReportingTopics.MeasureDefined)
            .Consume(ReportingTopics.MeasureVersioned)
            .Consume(ReportingTopics.MeasureRevised)
            .Consume(ReportingTopics.MeasureRetired)
            .Consume(ReportingTopics.ContentAreaChanged)
            .Consume(ReportingTopics.ObservationRecorded)
            .Consume(ReportingTopics.ObservationBatchRecorded)
            .Consume(ReportingTopics.ObservationSuperseded)
            .Consume(ReportingTopics.ObservationsImported)
            .Consume(ReportingTopics.StoryPublished)
            .Consume(ReportingTopics.ActionUpdated)
            .Consume(ReportingTopics.ReturnSubmitted)
            .Consume(ReportingTopics.ReturnApproved)
            .Consume(ReportingTopics.ReturnAccepted)
            .Consume(ReportingTopics.ReturnReopened)
            .Consume(ReportingTopics.ReturnWaived);

        // Read models: one projection per kind of event; a new source adds its projection here.
        builder.Services.AddSingleton<IReadModelProjection, CatalogueProjection>();
        builder.Services.AddSingleton<IReadModelProjection, ContentAreaProjection>();
        builder.Services.AddSingleton<IReadModelProjection, ObservationProjection>();
        builder.Services.AddSingleton<IReadModelProjection, EvidenceProjection>();
        builder.Services.AddSingleton<IReadModelProjection, StoryProjection>();
        builder.Services.AddSingleton<IReadModelProjection, Returns.ReturnProjection>();
        builder.Services.AddSingleton(Returns.DatasetCatalogue.BuiltIn);
        builder.Services.AddActionsRegister();
        builder.Services.AddSingleton<ProjectionRegistry>();
        builder.Services.AddSingleton<ReadModelRebuilder>();

        builder.Services.AddScoped<NarrativeStore>();
        builder.Services.AddScoped<ProfileStore>();
        builder.Services.AddScoped<Returns.ReturnGate>();
        builder.Services.AddScoped<EvidenceLoader>();
        builder.Services.AddScoped<Upkeep.UpkeepLoader>();
        builder.Services.AddScoped<ReportGenerator>();
        builder.Services.AddReviewDashboard(configuration.GetSection(CaseReviewsOptions.Section));
        builder.Services.AddAreaPicture(configuration.GetSection(RegionOptions.Section));
        builder.Services.AddScoped<ReportStore>();
        builder.Services.AddScoped<SignOffWorkflow>();
        builder.Services.AddScoped<ReportFiles>();
        builder.Services.AddScoped<ExportAudit>();
        builder.Services.AddScoped<ReportingGrpcService>();
        builder.Services.AddQaPlanning(configuration);
        builder.Services.AddTurningTheCurve();

        builder.Services.AddSingleton<IReportRenderer, HtmlReportRenderer>();
        builder.Services.AddSingleton<ITableExporter, CsvExporter>();
        if (options.Pdf.Enabled)
        {
            builder.Services.AddSingleton<IPdfRenderer>(new ChromiumPdfRenderer(new ChromiumOptions { ExecutablePath = options.Pdf.ChromiumPath }));
        }
        else
        {
            builder.Services.AddSingleton<IPdfRenderer, UnavailablePdfRenderer>();
        }

        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication MapReporting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcService<ReportingGrpcService>();
        app.MapActionsRegister();
        app.MapGrpcService<QaPlanningGrpcService>();
        app.MapTurningTheCurve();
        app.MapDaprPubSub();
        return app;
    }

    // A partnership's quarterly report shows its case reviews dashboard, asked of the case reviews service at a fixed
    // address with the caller's own credentials (ADR 0015); without an address, reports have no such section.
    private static void AddReviewDashboard(this IServiceCollection services, IConfigurationSection section)
    {
        services.Configure<CaseReviewsOptions>(section);
        if (section.Get<CaseReviewsOptions>()?.Address is { } address)
        {
            services.AddGrpcClient<global::Safeguarding.CaseReviews.V1.CaseReviewsService.CaseReviewsServiceClient>(o => o.Address = address);
            services.AddScoped<IReviewDashboardSource, GrpcReviewDashboardSource>();
        }
        else
        {
            services.AddSingleton<IReviewDashboardSource, NoReviewDashboardSource>();
        }
    }

    private static EventsBuilder Consume<TMessage>(this EventsBuilder events, EventTopic<TMessage> topic)
        where TMessage : Google.Protobuf.IMessage<TMessage>, new() =>
        events.AddSubscription<ReportingDbContext, TMessage, ReadModelConsumer<TMessage>>(topic);
}
