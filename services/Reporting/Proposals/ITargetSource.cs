using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Proposals;

/// <summary>
/// Targets an organisation missed in a period, for proposals. The stored targets (Targets/StoredTargetSource,
/// registered by AddQaPlanning) replace the stand-in below, under which none are known and none are proposed.
/// </summary>
internal interface ITargetSource
{
    Task<IReadOnlyList<MissedTarget>> MissedAsync(string organisationCode, PeriodSpan window, CancellationToken cancellationToken);
}

/// <summary>A target missed: the measure and the words saying by how much (figure, target, period).</summary>
internal sealed record MissedTarget(string MeasureId, string Text);

/// <summary>No targets known.</summary>
internal sealed class NoTargetSource : ITargetSource
{
    public Task<IReadOnlyList<MissedTarget>> MissedAsync(string organisationCode, PeriodSpan window, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MissedTarget>>([]);
}
