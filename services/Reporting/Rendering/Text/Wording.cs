using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Rendering.Text;

/// <summary>
/// Every fixed phrase the reports print, in plain, board-friendly English.
/// Concerns are "areas for further exploration"; nothing here judges performance as poor.
/// </summary>
internal static class Wording
{
    public const string DoingWell = "What we are doing well";
    public const string FurtherExploration = "Areas for further exploration";
    public const string FurtherExplorationHint =
        "Where more information, analysis or explanation from the responsible lead may be needed. These are not judgements.";

    public static string TypeName(MeasureType type) => type switch
    {
        MeasureType.Quantity => "Quantity",
        MeasureType.Quality => "Quality",
        MeasureType.Outcome => "Outcome",
        _ => throw Unknown(type),
    };

    public static string TypeQuestion(MeasureType type) => type switch
    {
        MeasureType.Quantity => "how much did we do?",
        MeasureType.Quality => "how well did we do it?",
        MeasureType.Outcome => "is anyone better off?",
        _ => throw Unknown(type),
    };

    public static string SourceName(EvidenceSource source) => source switch
    {
        EvidenceSource.ChildrenAndFamilies => "Children, parents and carers",
        EvidenceSource.FrontlineStaff => "Frontline staff",
        EvidenceSource.CaseRecords => "Case records",
        EvidenceSource.OrganisationalSystems => "Other organisational systems",
        _ => throw Unknown(source),
    };

    public static string VoiceSourceName(VoiceSource source) => source switch
    {
        VoiceSource.Child => "Child or young person",
        VoiceSource.ParentOrCarer => "Parent or carer",
        VoiceSource.FrontlineStaff => "Frontline staff",
        VoiceSource.PartnerProfessional => "Partner professional",
        _ => throw Unknown(source),
    };

    public static string UnitName(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Count => "Number",
        MeasureUnit.Percentage => "Percentage",
        MeasureUnit.Ratio => "Ratio",
        MeasureUnit.RatePer10000 => "Rate per 10,000",
        _ => throw Unknown(unit),
    };

    /// <summary>Short unit for column headers, e.g. "Northbridge (%)".</summary>
    public static string UnitSuffix(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Count => "number",
        MeasureUnit.Percentage => "%",
        MeasureUnit.Ratio => "ratio",
        MeasureUnit.RatePer10000 => "per 10,000",
        _ => throw Unknown(unit),
    };

    public static string PolarityText(Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => "Higher is better",
        Polarity.LowerIsBetter => "Lower is better",
        Polarity.Neither => "Neither higher nor lower is better in itself",
        _ => throw Unknown(polarity),
    };

    /// <summary>How a point without a number is shown — always in words, never as 0.</summary>
    public static string StateText(PointState state) => state switch
    {
        PointState.Value => "value",
        PointState.Suppressed => "suppressed",
        PointState.NotAvailable => "not available",
        PointState.NotApplicable => "not applicable",
        PointState.LowReliability => "low reliability",
        _ => throw Unknown(state),
    };

    public static string StatusText(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "In progress",
        ActionStatus.Delayed => "Delayed",
        ActionStatus.Completed => "Completed",
        _ => throw Unknown(status),
    };

    public static string GoodTypeName(GoodStatementType type) => type switch
    {
        GoodStatementType.Outcome => "Outcome",
        GoodStatementType.Quality => "Quality",
        _ => throw Unknown(type),
    };

    public static string GroupName(ContentAreaGroup group) => group switch
    {
        ContentAreaGroup.Practice => "Practice",
        ContentAreaGroup.OrganisationalAndPractitioner => "Organisational and practitioner",
        ContentAreaGroup.WiderPicture => "Wider picture",
        _ => throw Unknown(group),
    };

    public static string PriorityKindName(PriorityKind kind) => kind switch
    {
        PriorityKind.ThemedPriorityArea => "Themed priority area",
        PriorityKind.AssuranceArea => "Assurance area",
        _ => throw Unknown(kind),
    };

    public static string BreakdownName(BreakdownKind kind) => kind switch
    {
        BreakdownKind.Team => "Team",
        BreakdownKind.Locality => "Locality",
        _ => throw Unknown(kind),
    };

    /// <summary>"12 May 2025": invariant month names keep output identical on every machine.</summary>
    public static string Date(DateOnly date) =>
        date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static IEnumerable<string> SplitParagraphs(string text)
    {
        foreach (var block in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return block.Replace('\n', ' ');
        }
    }

    private static ArgumentOutOfRangeException Unknown<T>(T value) => new(nameof(value), value, "Unknown value.");
}
