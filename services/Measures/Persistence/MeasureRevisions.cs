using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Persistence;

/// <summary>Converts measure versions to stored revision rows and back.</summary>
internal static class MeasureRevisions
{
    public static MeasureRevisionRow ToRow(MeasureVersion version, MeasureChangeKind kind, IReadOnlyList<string> changedFields)
    {
        var d = version.Definition;
        return new MeasureRevisionRow
        {
            MeasureId = version.MeasureId,
            Version = version.Version,
            Revision = version.Revision,
            MeaningHash = version.MeaningHash,
            Title = d.Title,
            Description = d.Description,
            ContentAreaId = d.ContentAreaId,
            Type = WireNames.ToWire(d.Type),
            Source = WireNames.ToWire(d.Source),
            Method = WireNames.ToWire(d.Method),
            Unit = WireNames.ToWire(d.Unit),
            NumeratorDefinition = d.NumeratorDefinition,
            DenominatorDefinition = d.DenominatorDefinition,
            Polarity = WireNames.ToWire(d.Polarity),
            Frequency = WireNames.ToWire(d.Frequency),
            Sampling = WireNames.ToWire(d.Sampling),
            FollowUp = WireNames.ToWire(d.FollowUp),
            Breakdowns = string.Join(',', d.Breakdowns),
            ChangeKind = WireNames.ToWire(kind),
            ChangedFields = string.Join(',', changedFields),
            Reason = version.Changed.Reason,
            ChangedBy = version.Changed.ChangedBy,
            ChangedAt = version.Changed.At.UtcDateTime,
        };
    }

    public static MeasureVersion ToDomain(MeasureRevisionRow row) => new(
        new MeasureVersionRef(row.MeasureId, row.Version),
        row.Revision,
        new MeasureDefinition
        {
            Id = row.MeasureId,
            Title = row.Title,
            Description = row.Description,
            ContentAreaId = row.ContentAreaId,
            Type = Parse<InformationType>(row.Type),
            Source = Parse<Source>(row.Source),
            Method = Parse<CollectionMethod>(row.Method),
            Unit = Parse<MeasureUnit>(row.Unit),
            NumeratorDefinition = row.NumeratorDefinition,
            DenominatorDefinition = row.DenominatorDefinition,
            Polarity = Parse<Polarity>(row.Polarity),
            Frequency = Parse<Frequency>(row.Frequency),
            Sampling = Parse<Sampling>(row.Sampling),
            FollowUp = Parse<FollowUp>(row.FollowUp),
            Breakdowns = row.Breakdowns.Length == 0 ? [] : row.Breakdowns.Split(',').ToValueList(),
        },
        row.MeaningHash,
        new ChangeContext(row.ChangedBy, new DateTimeOffset(DateTime.SpecifyKind(row.ChangedAt, DateTimeKind.Utc)), row.Reason));

    public static MeasureChangeKind ChangeKind(MeasureRevisionRow row) => Parse<MeasureChangeKind>(row.ChangeKind);

    public static IReadOnlyList<string> ChangedFields(MeasureRevisionRow row) =>
        row.ChangedFields.Length == 0 ? [] : row.ChangedFields.Split(',');

    internal static TEnum Parse<TEnum>(string wire)
        where TEnum : struct, Enum =>
        WireNames.TryParse<TEnum>(wire, out var value) ? value : throw new InvalidOperationException($"Stored value '{wire}' is not a {typeof(TEnum).Name}.");
}
