using System.Text.Json;
using System.Text.Json.Serialization;
using Safeguarding.CaseReviews.Domain.Reviews;

namespace Safeguarding.CaseReviews.Persistence;

/// <summary>A review to and from its stored document (JSON; enums by name so a renumbering cannot corrupt it).</summary>
public static class ReviewDocuments
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static CaseReview Read(ReviewRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return JsonSerializer.Deserialize<CaseReview>(row.Document, Json) ?? throw new InvalidOperationException($"Review {row.ReviewId} has an empty document.");
    }

    public static void Write(ReviewRow row, CaseReview review, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(review);
        row.ReviewId = review.ReviewId;
        row.OwnerCode = review.OwnerCode;
        row.ResidenceAuthorityCode = review.ResidenceAuthorityCode;
        row.Kind = review.Kind.ToString();
        row.Stage = review.Stage.ToString();
        row.OpenedOn = review.OpenedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        row.Document = JsonSerializer.Serialize(review, Json);
        row.Revision++;
        row.UpdatedAt = at;
    }
}
