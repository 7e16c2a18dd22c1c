using System.Text.Json;
using System.Text.Json.Serialization;
using Safeguarding.Measures.Persistence;

namespace Safeguarding.Measures.Application.ContentAreas;

/// <summary>Stores a content area as a row; statements and questions are one JSON document.</summary>
internal static class ContentAreaRows
{
    private const string Active = "active";
    private const string RetiredStatus = "retired";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void Apply(OrganisationContentArea area, ContentAreaRow row, string userId)
    {
        row.OrganisationCode = area.OrganisationCode;
        row.ContentAreaId = area.Id;
        row.LibraryContentAreaId = area.LibraryId;
        row.GroupId = area.Group;
        row.Title = area.Title;
        row.WhyItMatters = area.WhyItMatters;
        row.Items = JsonSerializer.Serialize(new Items(area.Statements, area.Questions), Json);
        row.Status = area.Retired ? RetiredStatus : Active;
        row.RetiredReason = area.RetiredReason;
        row.Revision = area.Revision;
        row.UpdatedBy = userId;
        row.UpdatedAt = area.UpdatedAt;
    }

    public static OrganisationContentArea ToDomain(ContentAreaRow row)
    {
        var items = JsonSerializer.Deserialize<Items>(row.Items, Json) ?? new Items([], []);
        return new OrganisationContentArea
        {
            OrganisationCode = row.OrganisationCode,
            Id = row.ContentAreaId,
            LibraryId = row.LibraryContentAreaId,
            Group = row.GroupId,
            Title = row.Title,
            WhyItMatters = row.WhyItMatters,
            Statements = items.Statements,
            Questions = items.Questions,
            Retired = row.Status == RetiredStatus,
            RetiredReason = row.RetiredReason,
            Revision = row.Revision,
            UpdatedAt = DateTime.SpecifyKind(row.UpdatedAt, DateTimeKind.Utc),
        };
    }

    private sealed record Items(IReadOnlyList<StatementItem> Statements, IReadOnlyList<QuestionItem> Questions);
}
