using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Library;

/// <summary>Checks the deserialised library document and builds the immutable model; problems name YAML paths.</summary>
internal static class FrameworkLibraryReader
{
    private const int MaxText = 2000;

    public static FrameworkLibrary Build(LibraryDocument document)
    {
        var problems = new ValidationProblems();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document.LibraryVersion != FrameworkLibrary.SupportedVersion)
        {
            problems.Add("library_version", $"must be {FrameworkLibrary.SupportedVersion}");
        }

        var title = RequireText(document.Title, "title", problems);
        var source = RequireText(document.SourceDocument, "source_document", problems);
        var groups = (document.Groups ?? []).Select((g, i) =>
        {
            var field = FieldPath.Index("groups", i);
            var id = Id(g.Id, field, ids, problems);
            if (id is not null && !FrameworkLibrary.GroupIds.Contains(id))
            {
                problems.Add(field + ".id", $"'{id}' is not one of {string.Join(", ", FrameworkLibrary.GroupIds)}");
            }

            return new LibraryGroup(id ?? string.Empty, RequireText(g.Title, field + ".title", problems), RequireText(g.Description, field + ".description", problems));
        }).ToList();

        if (groups.Count == 0)
        {
            problems.Add("groups", "must list the framework's groups");
        }

        var groupIds = groups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var areas = (document.ContentAreas ?? []).Select((a, i) => Area(a, FieldPath.Index("content_areas", i), groupIds, ids, problems)).ToList();
        if (areas.Count == 0)
        {
            problems.Add("content_areas", "must list at least one content area");
        }

        problems.ThrowIfAny();
        return FrameworkLibrary.Create(document.LibraryVersion, title, source, groups, areas);
    }

    private static ContentArea Area(AreaDocument area, string field, HashSet<string> groupIds, Dictionary<string, string> ids, ValidationProblems problems)
    {
        var id = Id(area.Id, field, ids, problems) ?? string.Empty;
        if (area.Group is null || !groupIds.Contains(area.Group))
        {
            problems.Add(field + ".group", $"'{area.Group}' is not a group of this library");
        }

        var statements = (area.GoodStatements ?? []).Select((s, i) =>
        {
            var f = FieldPath.Index(field + ".good_statements", i);
            var type = WireNames.Parse<InformationType>(s.Type, f + ".type", problems);
            if (type == InformationType.Quantity)
            {
                problems.Add(f + ".type", "a good statement is outcome or quality");
            }

            return new GoodStatement(Id(s.Id, f, ids, problems) ?? string.Empty, type ?? InformationType.Quality, RequireText(s.Text, f + ".text", problems));
        }).ToList();

        var questions = (area.ScrutinyQuestions ?? []).Select((q, i) =>
        {
            var f = FieldPath.Index(field + ".scrutiny_questions", i);
            return new ScrutinyQuestion(Id(q.Id, f, ids, problems) ?? string.Empty, RequireText(q.Text, f + ".text", problems));
        }).ToList();

        var sources = (area.Sources ?? []).Select((s, i) =>
        {
            var f = FieldPath.Index(field + ".sources", i);
            var type = WireNames.Parse<InformationType>(s.InformationType, f + ".information_type", problems);
            var source = WireNames.Parse<Source>(s.Source, f + ".source", problems);
            return new InformationSource(type ?? default, source ?? default, RequireText(s.Method, f + ".method", problems));
        }).ToList();

        var measures = (area.Measures ?? []).Select((m, i) => Measure(m, FieldPath.Index(field + ".measures", i), ids, problems)).ToList();
        return new ContentArea(id, area.Group ?? string.Empty, RequireText(area.Title, field + ".title", problems), RequireText(area.WhyItMatters, field + ".why_it_matters", problems), statements, questions, sources, measures);
    }

    private static LibraryMeasure Measure(LibraryMeasureDocument m, string field, Dictionary<string, string> ids, ValidationProblems problems)
    {
        var id = Id(m.Id, field, ids, problems) ?? string.Empty;
        var type = WireNames.Parse<InformationType>(m.Type, field + ".type", problems);
        var source = WireNames.Parse<Source>(m.Source, field + ".source", problems);
        var unit = WireNames.Parse<MeasureUnit>(m.Unit, field + ".unit", problems);
        var polarity = WireNames.Parse<Polarity>(m.Polarity, field + ".polarity", problems);
        var followUp = WireNames.Parse<FollowUp>(m.FollowUp, field + ".follow_up", problems);
        if (m.Sampled is null)
        {
            problems.Add(field + ".sampled", "is required (true or false)");
        }

        if (m.Inferred is null)
        {
            problems.Add(field + ".inferred", "is required (true or false)");
        }

        var hasFraction = !string.IsNullOrWhiteSpace(m.Numerator) || !string.IsNullOrWhiteSpace(m.Denominator);
        if (unit == MeasureUnit.Count && hasFraction)
        {
            problems.Add(field + ".numerator", "a count has no numerator or denominator");
        }
        else if (unit is not null and not MeasureUnit.Count)
        {
            OptionalText(m.Numerator, field + ".numerator", problems, required: true);
            OptionalText(m.Denominator, field + ".denominator", problems, required: true);
        }

        if (followUp is not null and not FollowUp.None && type is not null and not InformationType.Outcome)
        {
            problems.Add(field + ".follow_up", "only outcome measures have a follow-up horizon");
        }

        return new LibraryMeasure(id, RequireText(m.Title, field + ".title", problems), type ?? default, source ?? default, unit ?? default, polarity ?? default,
            m.Numerator?.Trim(), m.Denominator?.Trim(), followUp ?? FollowUp.None, m.Sampled ?? false, m.Inferred ?? false);
    }

    /// <summary>Checks an id is a slug and not used anywhere else in the file.</summary>
    private static string? Id(string? id, string field, Dictionary<string, string> ids, ValidationProblems problems)
    {
        if (!Text.IsSlug(id))
        {
            problems.Add(field + ".id", $"'{id}' is not a lower-case slug");
            return null;
        }

        if (!ids.TryAdd(id!, field))
        {
            problems.Add(field + ".id", $"'{id}' is already used at {ids[id!]}");
        }

        return id;
    }

    private static string RequireText(string? text, string field, ValidationProblems problems)
    {
        OptionalText(text, field, problems, required: true);
        return text?.Trim() ?? string.Empty;
    }

    private static void OptionalText(string? text, string field, ValidationProblems problems, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(field, "is required");
            }
        }
        else if (!Text.IsLabel(text, MaxText))
        {
            problems.Add(field, $"must be single-line text of at most {MaxText} characters");
        }
    }
}
