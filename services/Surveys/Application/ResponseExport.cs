using System.Globalization;
using System.Text;
using System.Text.Json;
using Safeguarding.Surveys.Domain;

namespace Safeguarding.Surveys.Application;

/// <summary>
/// A wave's responses as a file: one row per response, one column per question (a multiple choice's selections
/// joined by spaces), the day it arrived and, for a pseudonymous wave, the follow-up pseudonym. Rows are ordered
/// by day and then by the response's random id, so the order within a day says nothing about who answered when.
/// CSV cells that a spreadsheet would run as a formula are quoted with a leading apostrophe.
/// </summary>
public static class ResponseExport
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public sealed record Row(DateOnly ReceivedOn, string? FollowUpPseudonym, string ResponseId, IReadOnlyDictionary<string, IReadOnlyList<string>> Answers);

    public static byte[] Csv(QuestionnaireDefinition questionnaire, IReadOnlyList<Row> rows, bool pseudonymous)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(rows);
        var questions = questionnaire.Questions.Where(q => q.IsAnswerable).Select(q => q.Name).ToList();
        var text = new StringBuilder();
        IEnumerable<string> header = pseudonymous ? ["received_on", "follow_up_pseudonym", .. questions] : ["received_on", .. questions];
        text.AppendJoin(',', header.Select(Cell)).Append("\r\n");
        foreach (var row in Ordered(rows))
        {
            var cells = new List<string> { row.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            if (pseudonymous)
            {
                cells.Add(row.FollowUpPseudonym ?? string.Empty);
            }

            cells.AddRange(questions.Select(q => row.Answers.TryGetValue(q, out var values) ? string.Join(' ', values) : string.Empty));
            text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    public static byte[] Json(QuestionnaireDefinition questionnaire, string waveId, IReadOnlyList<Row> rows, bool pseudonymous)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        var document = new
        {
            wave_id = waveId,
            questionnaire_id = questionnaire.QuestionnaireId,
            questionnaire_version = questionnaire.Version,
            responses = Ordered(rows).Select(r => new
            {
                received_on = r.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                follow_up_pseudonym = pseudonymous ? r.FollowUpPseudonym : null,
                answers = r.Answers,
            }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, JsonOptions);
    }

    private static IEnumerable<Row> Ordered(IReadOnlyList<Row> rows) =>
        rows.OrderBy(r => r.ReceivedOn).ThenBy(r => r.ResponseId, StringComparer.Ordinal);

    internal static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
