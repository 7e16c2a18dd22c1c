using System.Security.Cryptography;
using System.Text;
using Safeguarding.Audits.V1;

namespace Safeguarding.Audits.Domain;

/// <summary>
/// What makes an audit tool valid, and what its meaning is. The meaning (criteria ids, their response types,
/// whether they are optional, content areas and measure links) decides versions: a change of meaning makes a new
/// version, since answers to different questions cannot be added up; titles, wording and guidance do not.
/// </summary>
public static class ToolRules
{
    public const int MaxCriteria = 200;

    public static void Validate(AuditTool tool, string field, Problems problems)
    {
        ArgumentNullException.ThrowIfNull(tool);
        if (!Text.IsId(tool.ToolId))
        {
            problems.Add($"{field}.tool_id", "must be an id (letters, digits, '.', '_' and '-', at most 64)");
        }

        Text.CheckFree(tool.Title, $"{field}.title", 200, problems, required: true);
        Text.CheckFree(tool.Description, $"{field}.description", 2000, problems);
        if (tool.Sections.Count == 0)
        {
            problems.Add($"{field}.sections", "needs at least one section");
        }

        var sectionIds = new HashSet<string>(StringComparer.Ordinal);
        var criterionIds = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        for (var s = 0; s < tool.Sections.Count; s++)
        {
            var section = tool.Sections[s];
            var sf = $"{field}.sections[{s}]";
            if (!Text.IsId(section.SectionId))
            {
                problems.Add($"{sf}.section_id", "must be an id");
            }
            else if (!sectionIds.Add(section.SectionId))
            {
                problems.Add($"{sf}.section_id", "is used twice in the tool");
            }

            Text.CheckFree(section.Title, $"{sf}.title", 200, problems, required: true);
            if (section.Criteria.Count == 0)
            {
                problems.Add($"{sf}.criteria", "needs at least one criterion");
            }

            for (var c = 0; c < section.Criteria.Count; c++)
            {
                count++;
                var criterion = section.Criteria[c];
                var cf = $"{sf}.criteria[{c}]";
                if (!Text.IsId(criterion.CriterionId))
                {
                    problems.Add($"{cf}.criterion_id", "must be an id");
                }
                else if (!criterionIds.Add(criterion.CriterionId))
                {
                    problems.Add($"{cf}.criterion_id", "is used twice in the tool");
                }

                Text.CheckFree(criterion.Text, $"{cf}.text", 1000, problems, required: true);
                Text.CheckFree(criterion.Guidance, $"{cf}.guidance", 4000, problems);
                if (criterion.ResponseType == ResponseType.Unspecified || !Enum.IsDefined(criterion.ResponseType))
                {
                    problems.Add($"{cf}.response_type", "is required (graded, yes/partly/no, number or free text)");
                }

                if (criterion.ContentAreaId.Length > 0 && !Text.IsId(criterion.ContentAreaId))
                {
                    problems.Add($"{cf}.content_area_id", "must be a content area id");
                }

                if (criterion.MeasureLink is { } link)
                {
                    MeasureLinkRule.Validate(link, criterion.ResponseType, $"{cf}.measure_link", problems);
                }
            }
        }

        if (count > MaxCriteria)
        {
            problems.Add($"{field}.sections", $"at most {MaxCriteria} criteria in a tool");
        }
    }

    public static IEnumerable<Criterion> Criteria(AuditTool tool) => tool.Sections.SelectMany(s => s.Criteria);

    public static string MeaningHash(AuditTool tool)
    {
        var text = new StringBuilder();
        foreach (var section in tool.Sections)
        {
            foreach (var c in section.Criteria)
            {
                text.Append(c.CriterionId).Append('|').Append((int)c.ResponseType).Append('|').Append(c.Optional ? '1' : '0').Append('|')
                    .Append(c.ContentAreaId).Append('|');
                if (c.MeasureLink is { } link)
                {
                    text.Append(link.MeasureId).Append('@').Append(link.MeasureVersion).Append(':')
                        .AppendJoin(',', link.NumeratorAnswers.Order(StringComparer.Ordinal)).Append('/')
                        .AppendJoin(',', link.DenominatorAnswers.Order(StringComparer.Ordinal));
                }

                text.Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
