namespace Safeguarding.Reporting.Documents;

/// <summary>A "what good looks like" statement for a content area.</summary>
public sealed record GoodStatement(GoodStatementType Type, string Text);

public enum GoodStatementType
{
    Outcome,
    Quality,
}
