using Safeguarding.Reporting.Actions;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Curves;

/// <summary>
/// A record's action plan: the register's actions whose source is Turning the Curve and whose source reference is
/// the record (ADR 0019), with "did it move?" beside each. Nothing is copied into the record.
/// </summary>
internal sealed class CurvePlan(ActionStore actions, MovementReader movement)
{
    /// <returns>Each record's actions by record id, oldest agreed first; dropped actions included (the plan shows them as such).</returns>
    public async Task<ILookup<string, RegisterAction>> ForAsync(string organisationCode, IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken)
    {
        var planned = (await actions.ListAsync(organisationCode, cancellationToken))
            .Where(a => a.Source == RegisterActionSource.TurningTheCurve && recordIds.Contains(a.SourceReference))
            .ToList();
        await movement.FillAsync(planned, cancellationToken);
        return planned.ToLookup(a => a.SourceReference, StringComparer.Ordinal);
    }
}
