using Safeguarding.CaseReviews.Domain.Clocks;

namespace Safeguarding.CaseReviews;

/// <summary>The case reviews service's wiring.</summary>
public static class CaseReviewsServiceExtensions
{
    public static WebApplicationBuilder AddCaseReviews(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration["Events:ConsumerId"]))
        {
            configuration["Events:ConsumerId"] = serviceName;
        }

        var services = builder.Services;
        services.AddSingleton<IWorkingDayCalendar>(new EnglandAndWalesCalendar(configuration.GetSection("CaseReviews:ExtraBankHolidays").Get<List<DateOnly>>()));
        services.AddSingleton(ClockRuleOptions.Build(configuration.GetSection(ClockRuleOptions.Section).Get<ClockRuleOptions>()));
        return builder;
    }
}
