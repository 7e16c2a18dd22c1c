using Safeguarding.Measures.Application;
using Safeguarding.Measures.Domain;
using Proto = Safeguarding.Measures.V1;

namespace Safeguarding.Measures.Grpc.Mapping;

/// <summary>Measure definitions and measures between the wire and the domain.</summary>
internal static class MeasureMapping
{
    /// <summary>
    /// The domain definition, with every problem named by its request path (<paramref name="field"/>
    /// is the request field holding the definition, e.g. "measure"). Domain rules are checked too.
    /// </summary>
    public static MeasureDefinition ToDomain(Proto.MeasureDefinition? measure, string field, ValidationProblems problems)
    {
        if (measure is null)
        {
            problems.Add(field, "is required");
            return Placeholder;
        }

        var before = problems.Items.Count;
        var definition = new MeasureDefinition
        {
            Id = measure.Id,
            Title = measure.Title,
            Description = NullIfEmpty(measure.Description),
            ContentAreaId = measure.ContentAreaId,
            Type = Required<Proto.InformationType, InformationType>(measure.Type, field + ".type", problems),
            Source = Required<Proto.Source, Source>(measure.Source, field + ".source", problems),
            Method = Required<Proto.CollectionMethod, CollectionMethod>(measure.Method, field + ".method", problems),
            Unit = Required<Proto.MeasureUnit, MeasureUnit>(measure.Unit, field + ".unit", problems),
            NumeratorDefinition = NullIfEmpty(measure.NumeratorDefinition),
            DenominatorDefinition = NullIfEmpty(measure.DenominatorDefinition),
            Polarity = Required<Proto.Polarity, Polarity>(measure.Polarity, field + ".polarity", problems),
            Frequency = Required<Proto.Frequency, Frequency>(measure.Frequency, field + ".frequency", problems),
            Sampling = EnumMap<Proto.Sampling, Sampling>.ToDomain(measure.Sampling) ?? Sampling.WholePopulation,
            FollowUp = EnumMap<Proto.FollowUp, FollowUp>.ToDomain(measure.FollowUp) ?? FollowUp.None,
            Breakdowns = measure.Breakdowns.ToValueList(),
        };
        // With an enum missing, the domain rules would judge a default in its place: report only the gap.
        if (problems.Items.Count == before)
        {
            problems.AddNested(field, MeasureDefinitionRules.Validate(definition));
        }

        return definition;
    }

    public static Proto.MeasureDefinition ToProto(MeasureDefinition d)
    {
        var proto = new Proto.MeasureDefinition
        {
            Id = d.Id,
            Title = d.Title,
            Description = d.Description ?? string.Empty,
            ContentAreaId = d.ContentAreaId,
            Type = EnumMap<Proto.InformationType, InformationType>.ToProto(d.Type),
            Source = EnumMap<Proto.Source, Source>.ToProto(d.Source),
            Method = EnumMap<Proto.CollectionMethod, CollectionMethod>.ToProto(d.Method),
            Unit = EnumMap<Proto.MeasureUnit, MeasureUnit>.ToProto(d.Unit),
            NumeratorDefinition = d.NumeratorDefinition ?? string.Empty,
            DenominatorDefinition = d.DenominatorDefinition ?? string.Empty,
            Polarity = EnumMap<Proto.Polarity, Polarity>.ToProto(d.Polarity),
            Frequency = EnumMap<Proto.Frequency, Frequency>.ToProto(d.Frequency),
            Sampling = EnumMap<Proto.Sampling, Sampling>.ToProto(d.Sampling),
            FollowUp = EnumMap<Proto.FollowUp, FollowUp>.ToProto(d.FollowUp),
        };
        proto.Breakdowns.AddRange(d.Breakdowns);
        return proto;
    }

    public static Proto.Measure ToProto(MeasureView view)
    {
        var current = view.Current;
        var measure = new Proto.Measure
        {
            Definition = ToProto(current.Definition),
            Version = current.Version,
            Revision = current.Revision,
            MeaningHash = current.MeaningHash,
            LibraryMeasureId = view.LibraryMeasureId ?? string.Empty,
            OwnerOrganisationCode = view.OwnerOrganisation,
            Retired = view.IsRetired,
            RetiredReason = view.RetiredReason ?? string.Empty,
            ChangedAt = Timestamps.From(current.Changed.At),
            Etag = view.ETag,
        };
        foreach (var revision in view.History ?? [])
        {
            var entry = new Proto.MeasureRevision
            {
                Version = revision.Version.Version,
                Revision = revision.Version.Revision,
                MeaningHash = revision.Version.MeaningHash,
                Definition = ToProto(revision.Version.Definition),
                Change = ChangeKind(revision.Change),
                Reason = revision.Version.Changed.Reason ?? string.Empty,
                ChangedAt = Timestamps.From(revision.Version.Changed.At),
            };
            entry.ChangedFields.AddRange(revision.ChangedFields);
            measure.History.Add(entry);
        }

        return measure;
    }

    public static Proto.MeasureChangeKind ChangeKind(MeasureChangeKind kind) => EnumMap<Proto.MeasureChangeKind, MeasureChangeKind>.ToProto(kind);

    /// <summary>A required enum: UNSPECIFIED (or an unknown number) is a problem naming the field.</summary>
    public static TDomain Required<TProto, TDomain>(TProto value, string field, ValidationProblems problems)
        where TProto : struct, Enum
        where TDomain : struct, Enum
    {
        if (EnumMap<TProto, TDomain>.ToDomain(value) is { } domain)
        {
            return domain;
        }

        problems.Add(field, $"is required; one of {WireNames.Legal<TDomain>()}");
        return default;
    }

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static readonly MeasureDefinition Placeholder = new()
    {
        Id = "placeholder",
        Title = "placeholder",
        ContentAreaId = "placeholder",
        Type = InformationType.Quantity,
        Source = Source.External,
        Method = CollectionMethod.Other,
        Unit = MeasureUnit.Count,
        Polarity = Polarity.Neither,
        Frequency = Frequency.AdHoc,
    };
}
