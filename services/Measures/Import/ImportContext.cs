using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Import;

/// <summary>Who is importing what, and the registries the import checks against.</summary>
public sealed record ImportContext
{
    /// <summary>The file's name as uploaded (directories are dropped); recorded in provenance.</summary>
    public required string FileName { get; init; }

    /// <summary>The import run's id; recorded in provenance.</summary>
    public required string ImportId { get; init; }

    /// <summary>Who runs the import (a user id).</summary>
    public required string UserId { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required IMeasureCatalog Catalog { get; init; }

    public required IOrganisationResolver Organisations { get; init; }

    /// <summary>Told how the file's header met the mapping, once the header is read (before any row).</summary>
    public Action<ColumnMatch>? OnHeader { get; init; }

    public IReadOnlyList<ValidationProblem> Validate()
    {
        var problems = new ValidationProblems();
        if (!Text.IsLabel(Path.GetFileName(FileName ?? string.Empty), 255))
        {
            problems.Add("file_name", "is required (at most 255 characters)");
        }

        if (!Text.IsLabel(ImportId, 128))
        {
            problems.Add("import_id", "is required (at most 128 characters)");
        }

        if (!Text.IsUserId(UserId))
        {
            problems.Add("user_id", "must be a user id");
        }

        return problems.Items;
    }
}
