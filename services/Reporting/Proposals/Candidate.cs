using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Proposals;

/// <summary>A line the evidence raises; <see cref="Key"/> says what raised it, so proposing again keeps decisions.</summary>
internal sealed record Candidate(string Key, ProposalKind Kind, string Basis, string MeasureId, string Text);

/// <summary>What raised a proposal (Proposal.basis).</summary>
internal static class Bases
{
    public const string Movement = "movement";
    public const string Comparator = "comparator";
    public const string Target = "target";
    public const string OverdueActions = "overdue-actions";
    public const string ActionImpact = "action-impact";
    public const string ReviewClock = "review-clock";
    public const string Audit = "audit";
    public const string Survey = "survey";
}
