using Safeguarding.Platform.Events;

namespace Safeguarding.Reporting.ReadModels;

/// <summary>Finds the projection for an event type (live consumers and rebuild use the same lookup).</summary>
internal sealed class ProjectionRegistry
{
    private readonly Dictionary<string, IReadModelProjection> _byType = new(StringComparer.Ordinal);

    public ProjectionRegistry(IEnumerable<IReadModelProjection> projections)
    {
        foreach (var projection in projections)
        {
            foreach (var type in projection.EventTypes)
            {
                _byType.Add(type, projection);
            }
        }
    }

    public IReadModelProjection For(string eventType) =>
        _byType.TryGetValue(eventType, out var projection)
            ? projection
            : throw new PermanentEventFailureException("No read model applies events of this type.");
}
