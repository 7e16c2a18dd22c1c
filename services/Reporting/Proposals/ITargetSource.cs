using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Proposals;

/// <summary>
/// Targets an organisation missed in a period, for proposals. Targets belong to the targets and forecasts work
/// (issue 16 item 3); until it registers its own source, none are known and none are proposed.
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
