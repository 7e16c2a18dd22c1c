using Safeguarding.CaseReviews.Grpc;
using Safeguarding.Platform.Events.Dapr;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.CaseReviews;

/// <summary>The case reviews service as a hostable module: its own Program.cs or the embedded runner call these.</summary>
public sealed class CaseReviewsModule : IServiceModule
{
    public static string Name => "casereviews";

    public static void Add(WebApplicationBuilder builder) => builder.AddCaseReviews(Name);

    public static void Map(WebApplication app)
    {
        app.MapGrpcService<CaseReviewsGrpcService>();
        app.MapDaprPubSub();
    }
}
