namespace Safeguarding.Reporting.Rendering.Layout;

/// <summary>Ids the page shell uses, kept out of the way of content ids.</summary>
internal static class PageIds
{
    public const string Main = "main";
    public const string Contents = "contents";
    public const string Title = "report-title";

    public static readonly string[] Reserved = [Main, Contents, Title, .. Charts.ChartDefs.Ids];
}
