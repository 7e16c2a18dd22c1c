using Safeguarding.Measures.Application.ContentAreas;
using Safeguarding.Measures.Domain;
using Proto = Safeguarding.Measures.V1;

namespace Safeguarding.Measures.Grpc.Mapping;

internal static class ContentAreaMapping
{
    public static Proto.ContentArea ToProto(OrganisationContentArea area)
    {
        var proto = new Proto.ContentArea
        {
            OrganisationCode = area.OrganisationCode,
            Id = area.Id,
            LibraryContentAreaId = area.LibraryId ?? string.Empty,
            Group = area.Group,
            Title = area.Title,
            WhyItMatters = area.WhyItMatters,
            Status = area.Retired ? Proto.ContentAreaStatus.Retired : Proto.ContentAreaStatus.Active,
            RetiredReason = area.RetiredReason ?? string.Empty,
            Etag = area.ETag,
            UpdatedAt = Timestamps.From(area.UpdatedAt),
        };
        proto.GoodStatements.AddRange(area.Statements.Select(s => new Proto.ContentAreaStatement
        {
            Id = s.Id,
            LibraryStatementId = s.LibraryId ?? string.Empty,
            Type = EnumMap<Proto.InformationType, InformationType>.ToProto(s.Type),
            Text = s.Text,
            Retired = s.Retired,
        }));
        proto.ScrutinyQuestions.AddRange(area.Questions.Select(q => new Proto.ContentAreaQuestion
        {
            Id = q.Id,
            LibraryQuestionId = q.LibraryId ?? string.Empty,
            Text = q.Text,
            Retired = q.Retired,
        }));
        return proto;
    }

    /// <summary>The area a request proposes; enum gaps are problems under <paramref name="field"/>.</summary>
    public static OrganisationContentArea ToDomain(Proto.ContentArea? area, string organisationCode, string field, ValidationProblems problems)
    {
        if (area is null)
        {
            problems.Add(field, "is required");
            area = new Proto.ContentArea();
        }

        return new OrganisationContentArea
        {
            OrganisationCode = organisationCode,
            Id = area.Id,
            LibraryId = NullIfEmpty(area.LibraryContentAreaId),
            Group = area.Group,
            Title = area.Title,
            WhyItMatters = area.WhyItMatters,
            Statements = [.. area.GoodStatements.Select((s, i) => new StatementItem(
                s.Id,
                NullIfEmpty(s.LibraryStatementId),
                MeasureMapping.Required<Proto.InformationType, InformationType>(s.Type, FieldPath.Index(field + ".good_statements", i) + ".type", problems),
                s.Text,
                s.Retired))],
            Questions = [.. area.ScrutinyQuestions.Select(q => new QuestionItem(q.Id, NullIfEmpty(q.LibraryQuestionId), q.Text, q.Retired))],
        };
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
