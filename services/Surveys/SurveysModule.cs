using Safeguarding.Platform.Events.Dapr;
using Safeguarding.Platform.Hosting;
using Safeguarding.Surveys.Grpc;
using Safeguarding.Surveys.Pages;

namespace Safeguarding.Surveys;

/// <summary>The surveys service as a hostable module: its own Program.cs or the embedded runner call these.</summary>
public sealed class SurveysModule : IServiceModule
{
    public static string Name => "surveys";

    public static void Add(WebApplicationBuilder builder) => builder.AddSurveys(Name);

    public static void Map(WebApplication app)
    {
        app.MapGrpcService<SurveysGrpcService>();
        app.MapDaprPubSub();
        app.MapRespondentPages();
    }
}
