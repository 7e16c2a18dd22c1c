namespace Safeguarding.Reporting.SignOff;

/// <summary>What a document's version says: a draft until publication stamps it.</summary>
internal static class ReportVersions
{
    public const string Draft = "draft";
    public const string Published = "1.0";
}
