using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Library;
using Safeguarding.Measures.Organisations;
using Proto = Safeguarding.Measures.V1;

namespace Safeguarding.Measures.Grpc.Mapping;

internal static class LibraryMapping
{
    public static Proto.FrameworkLibrary ToProto(FrameworkLibrary library)
    {
        var proto = new Proto.FrameworkLibrary { LibraryVersion = library.LibraryVersion, Title = library.Title, SourceDocument = library.SourceDocument };
        proto.Groups.AddRange(library.Groups.Select(g => new Proto.LibraryGroup { Id = g.Id, Title = g.Title, Description = g.Description }));
        foreach (var area in library.ContentAreas)
        {
            var message = new Proto.LibraryContentArea { Id = area.Id, Group = area.Group, Title = area.Title, WhyItMatters = area.WhyItMatters };
            message.GoodStatements.AddRange(area.GoodStatements.Select(s => new Proto.LibraryStatement { Id = s.Id, Type = Type(s.Type), Text = s.Text }));
            message.ScrutinyQuestions.AddRange(area.ScrutinyQuestions.Select(q => new Proto.LibraryQuestion { Id = q.Id, Text = q.Text }));
            message.Sources.AddRange(area.Sources.Select(s => new Proto.LibrarySource
            {
                InformationType = Type(s.InformationType),
                Source = EnumMap<Proto.Source, Source>.ToProto(s.Source),
                Method = s.Method,
            }));
            message.Measures.AddRange(area.Measures.Select(m => new Proto.LibraryMeasure
            {
                Id = m.Id,
                Title = m.Title,
                Type = Type(m.Type),
                Source = EnumMap<Proto.Source, Source>.ToProto(m.Source),
                Unit = EnumMap<Proto.MeasureUnit, MeasureUnit>.ToProto(m.Unit),
                Polarity = EnumMap<Proto.Polarity, Polarity>.ToProto(m.Polarity),
                Numerator = m.Numerator ?? string.Empty,
                Denominator = m.Denominator ?? string.Empty,
                FollowUp = EnumMap<Proto.FollowUp, FollowUp>.ToProto(m.FollowUp),
                Sampled = m.Sampled,
                Inferred = m.Inferred,
            }));
            proto.ContentAreas.Add(message);
        }

        return proto;
    }

    public static Proto.Organisation ToProto(Organisation organisation)
    {
        var proto = new Proto.Organisation
        {
            Code = organisation.Code,
            Name = organisation.Name,
            Kind = EnumMap<Proto.OrganisationKind, OrganisationKind>.ToProto(organisation.Kind),
            ParentCode = organisation.Parent ?? string.Empty,
        };
        proto.SuccessorOf.AddRange(organisation.SuccessorOf);
        return proto;
    }

    private static Proto.InformationType Type(InformationType type) => EnumMap<Proto.InformationType, InformationType>.ToProto(type);
}
