using System.Globalization;

using Safeguarding.Surveys.Domain.Expressions;

namespace Safeguarding.Surveys.Domain.XlsForm;

/// <summary>
/// Reads an XLSForm (the ODK / KoboToolbox authoring standard) into a questionnaire: the <c>survey</c> sheet
/// (type, name, label, hint, required, relevant, constraint, constraint_message, appearance, parameters, and this
/// service's own columns measure_id and measure_positive), the <c>choices</c> sheet (list_name, name, label) and
/// the optional <c>settings</c> sheet (form_id, form_title, audience, age_band). Every problem in the file is
/// collected with its cell ("survey!D7") and all are raised together, so nothing half-loads.
/// </summary>
public static class XlsFormReader
{
    // Metadata fields KoboToolbox and ODK add to forms: nothing to ask. Those that would capture identifiers
    // (device, phone number, e-mail, user name) are dropped rather than collected.
    private static readonly HashSet<string> IgnoredTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "email", "audit",
    };

    private static readonly Dictionary<string, Audience> Audiences = new(StringComparer.OrdinalIgnoreCase)
    {
        ["child"] = Audience.Child,
        ["parent_carer"] = Audience.ParentCarer,
        ["frontline_staff"] = Audience.FrontlineStaff,
        ["partner_professional"] = Audience.PartnerProfessional,
    };

    public static string AudienceName(Audience audience) => Audiences.First(a => a.Value == audience).Key;

    public sealed record FormOverrides(string QuestionnaireId, string Title, Audience Audience, string AgeBand);

    public static QuestionnaireDefinition Read(Stream xlsx, FormOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        Dictionary<string, SheetCells> sheets;
        try
        {
            sheets = XlsxSheets.Read(xlsx);
        }
        catch (InvalidDataException ex)
        {
            throw DomainValidationException.One("xlsx", ex.Message);
        }

        var problems = new List<Problem>();
        if (!sheets.TryGetValue("survey", out var survey))
        {
            throw DomainValidationException.One("xlsx", "has no 'survey' sheet");
        }

        var lists = ReadChoices(sheets.GetValueOrDefault("choices"), problems);
        var settings = ReadSettings(sheets.GetValueOrDefault("settings"), problems);

        var header = Header(survey, problems);
        var locator = new CellLocator(survey.Name, header, column => settings.TryGetValue(column, out var given) ? given.Cell : null);
        var sections = new List<SectionDefinition>();
        var current = new List<QuestionDefinition>();
        var currentRows = new List<int>();
        (string Name, string Title, string Relevant, int Row)? group = null;
        var usedLists = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (rowNumber, cells) in survey.Rows.Skip(1))
        {
            string Get(string column) => header.TryGetValue(column, out var c) && cells.TryGetValue(c, out var v) ? v : string.Empty;
            string Cell(string column) => locator.Cell(column, rowNumber);
            var type = Get("type");
            var name = Get("name");
            if (type.Length == 0)
            {
                if (cells.Count > 0 && name.Length > 0)
                {
                    problems.Add(new(Cell("type"), "type: is required"));
                }

                continue;
            }

            var words = type.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var keyword = words[0].ToLowerInvariant();
            if (keyword is "begin" && words.Length > 1)
            {
                keyword = "begin_" + words[1].ToLowerInvariant();
            }
            else if (keyword is "end" && words.Length > 1)
            {
                keyword = "end_" + words[1].ToLowerInvariant();
            }

            if (keyword == "begin_group")
            {
                if (group is not null)
                {
                    problems.Add(new(Cell("type"), "type: groups inside groups are not supported; close the open group first"));
                    continue;
                }

                Flush(sections, locator, ref current, ref currentRows, null);
                group = (name, Label(header, cells), Get("relevant"), rowNumber);
                continue;
            }

            if (keyword == "end_group")
            {
                if (group is null)
                {
                    problems.Add(new(Cell("type"), "type: 'end group' without a 'begin group'"));
                    continue;
                }

                Flush(sections, locator, ref current, ref currentRows, group);
                group = null;
                continue;
            }

            if (IgnoredTypes.Contains(keyword))
            {
                continue;
            }

            if (Get("choice_filter").Length > 0)
            {
                problems.Add(new(Cell("choice_filter"), "choice_filter: is not supported; use separate questions with relevant"));
            }

            var kind = QuestionKind.Unspecified;
            var listName = string.Empty;
            IReadOnlyList<ChoiceDefinition> choices = [];
            int ratingMin = 0, ratingMax = 0;
            switch (keyword)
            {
                case "select_one" or "select_multiple" when words.Length == 2:
                    listName = words[1];
                    usedLists.Add(listName);
                    if (!lists.TryGetValue(listName, out var found))
                    {
                        problems.Add(new(Cell("type"), $"type: list '{listName}' is not on the choices sheet"));
                        found = [];
                    }

                    choices = found;
                    kind = keyword == "select_multiple" ? QuestionKind.MultipleChoice
                        : Get("appearance").Contains("likert", StringComparison.OrdinalIgnoreCase) ? QuestionKind.Likert
                        : IsYesNo(found) ? QuestionKind.YesNo
                        : QuestionKind.SingleChoice;
                    break;
                case "integer" or "decimal" when words.Length == 1:
                    kind = QuestionKind.Number;
                    break;
                case "text" when words.Length == 1:
                    kind = QuestionKind.FreeText;
                    break;
                case "note" when words.Length == 1:
                    kind = QuestionKind.Note;
                    break;
                case "range" when words.Length == 1:
                    kind = QuestionKind.Rating;
                    (ratingMin, ratingMax) = RangeParameters(Get("parameters"), Cell("parameters"), problems);
                    break;
                default:
                    problems.Add(new(Cell("type"), $"type: '{type}' is not a supported question type (select_one, select_multiple, integer, decimal, text, note, range, begin group, end group)"));
                    continue;
            }

            var required = Get("required");
            var isRequired = false;
            switch (required.ToLowerInvariant())
            {
                case "" or "no" or "false" or "false()" or "0":
                    break;
                case "yes" or "true" or "true()" or "1":
                    isRequired = true;
                    break;
                default:
                    problems.Add(new(Cell("required"), $"required: '{required}' must be yes or no (expressions are not supported here)"));
                    break;
            }

            currentRows.Add(rowNumber);
            current.Add(new QuestionDefinition
            {
                Name = name,
                Kind = kind,
                Label = Label(header, cells),
                Hint = Column(header, cells, "hint"),
                Required = isRequired,
                Relevant = Get("relevant"),
                Constraint = Get("constraint"),
                ConstraintMessage = Column(header, cells, "constraint_message"),
                ListName = listName,
                Choices = choices,
                RatingMin = ratingMin,
                RatingMax = ratingMax,
                MeasureId = Get("measure_id"),
                PositiveChoices = Get("measure_positive").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            });
        }

        if (group is { } open)
        {
            problems.Add(new(locator.Cell("type", open.Row), $"type: group '{open.Name}' is never closed with 'end group'"));
            Flush(sections, locator, ref current, ref currentRows, open);
        }

        Flush(sections, locator, ref current, ref currentRows, null);

        var audience = overrides.Audience != Audience.Unspecified ? overrides.Audience
            : settings.TryGetValue("audience", out var a) && Audiences.TryGetValue(a.Value, out var parsed) ? parsed
            : Audience.Unspecified;
        if (overrides.Audience == Audience.Unspecified && settings.TryGetValue("audience", out var given) && audience == Audience.Unspecified)
        {
            problems.Add(new(given.Cell, $"audience: '{given.Value}' must be one of {string.Join(", ", Audiences.Keys)}"));
        }

        var definition = new QuestionnaireDefinition
        {
            QuestionnaireId = overrides.QuestionnaireId.Length > 0 ? overrides.QuestionnaireId : settings.GetValueOrDefault("form_id").Value ?? string.Empty,
            Title = overrides.Title.Length > 0 ? overrides.Title : settings.GetValueOrDefault("form_title").Value ?? string.Empty,
            Audience = audience,
            AgeBand = overrides.AgeBand.Length > 0 ? overrides.AgeBand : settings.GetValueOrDefault("age_band").Value ?? string.Empty,
            Sections = sections,
        };

        // A cell already reported while reading (an unknown list, an unknown audience) is not reported again by the rules.
        var reported = problems.Select(p => p.Field).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(QuestionnaireRules.Check(definition, locator)
            .Where(p => !reported.Contains(p.Field))
            .Select(p => locator.Columns.TryGetValue(p.Field, out var column) ? p with { Description = $"{column}: {p.Description}" } : p));
        if (problems.Count > 0)
        {
            throw new DomainValidationException(problems);
        }

        return definition;
    }

    private static void Flush(
        List<SectionDefinition> sections, CellLocator locator, ref List<QuestionDefinition> current, ref List<int> rows, (string Name, string Title, string Relevant, int Row)? group)
    {
        if (group is { } g)
        {
            sections.Add(new SectionDefinition(g.Name, g.Title, g.Relevant, current));
            locator.Sections.Add((g.Row, rows));
        }
        else if (current.Count > 0)
        {
            sections.Add(new SectionDefinition(string.Empty, string.Empty, string.Empty, current));
            locator.Sections.Add((0, rows));
        }

        current = [];
        rows = [];
    }

    private static bool IsYesNo(List<ChoiceDefinition> choices) =>
        choices.Count == 2 && choices.Any(c => c.Name == "yes") && choices.Any(c => c.Name == "no");

    private static (int, int) RangeParameters(string parameters, string cell, List<Problem> problems)
    {
        var values = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["start"] = 1, ["end"] = 5, ["step"] = 1 };
        foreach (var part in parameters.Split([' ', ';', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=');
            if (pair.Length != 2 || !values.ContainsKey(pair[0]) || !int.TryParse(pair[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                problems.Add(new(cell, $"parameters: '{part}' must be start=, end= or step= with a whole number"));
                continue;
            }

            values[pair[0]] = n;
        }

        if (values["step"] != 1)
        {
            problems.Add(new(cell, "parameters: only step=1 is supported for a rating"));
        }

        return (values["start"], values["end"]);
    }

    private static Dictionary<string, int> Header(SheetCells sheet, List<Problem> problems)
    {
        var header = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (sheet.Rows.Count == 0)
        {
            problems.Add(new($"{sheet.Name}!A1", "the sheet is empty; the first row names the columns"));
            return header;
        }

        foreach (var (column, text) in sheet.Rows[0].Cells)
        {
            var key = text.Trim().ToLowerInvariant();
            if (!header.TryAdd(key, column))
            {
                problems.Add(new($"{sheet.Name}!{SheetCells.ColumnLetters(column)}{sheet.Rows[0].Row}", $"column '{text}' appears twice"));
            }
        }

        return header;
    }

    // "label", or the first translated label ("label::English (en)").
    private static string Label(Dictionary<string, int> header, IReadOnlyDictionary<int, string> cells) => Column(header, cells, "label");

    private static string Column(Dictionary<string, int> header, IReadOnlyDictionary<int, string> cells, string name)
    {
        if (header.TryGetValue(name, out var c))
        {
            return cells.GetValueOrDefault(c, string.Empty);
        }

        var translated = header.Where(h => h.Key.StartsWith(name + "::", StringComparison.Ordinal)).OrderBy(h => h.Value).Select(h => h.Value).FirstOrDefault();
        return translated > 0 ? cells.GetValueOrDefault(translated, string.Empty) : string.Empty;
    }

    private static Dictionary<string, List<ChoiceDefinition>> ReadChoices(SheetCells? sheet, List<Problem> problems)
    {
        var lists = new Dictionary<string, List<ChoiceDefinition>>(StringComparer.Ordinal);
        if (sheet is null)
        {
            return lists;
        }

        var header = Header(sheet, problems);
        var locator = new CellLocator(sheet.Name, header, _ => null);
        foreach (var (row, cells) in sheet.Rows.Skip(1))
        {
            string Get(string column) => header.TryGetValue(column, out var c) && cells.TryGetValue(c, out var v) ? v : string.Empty;
            var list = Get("list_name");
            var name = Get("name");
            if (list.Length == 0 && name.Length == 0)
            {
                continue;
            }

            if (list.Length == 0)
            {
                problems.Add(new(locator.Cell("list_name", row), "list_name: is required"));
                continue;
            }

            var label = Column(header, cells, "label");
            var choices = lists.TryGetValue(list, out var existing) ? existing : lists[list] = [];
            if (!Names.IsValidChoice(name))
            {
                problems.Add(new(locator.Cell("name", row), $"name: '{name}' must be letters, digits, '_', '-' or '.'"));
            }
            else if (choices.Any(c => c.Name == name))
            {
                problems.Add(new(locator.Cell("name", row), $"name: '{name}' appears twice in list '{list}'"));
            }
            else if (label.Length == 0)
            {
                problems.Add(new(locator.Cell("label", row), $"label: choice '{name}' needs a label"));
            }
            else
            {
                choices.Add(new ChoiceDefinition(name, label));
            }
        }

        return lists;
    }

    private static Dictionary<string, (string Value, string Cell)> ReadSettings(SheetCells? sheet, List<Problem> problems)
    {
        var settings = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        if (sheet is null || sheet.Rows.Count < 2)
        {
            return settings;
        }

        var header = Header(sheet, problems);
        var (row, cells) = sheet.Rows[1];
        foreach (var (name, column) in header)
        {
            if (cells.TryGetValue(column, out var value))
            {
                settings[name] = (value, $"{sheet.Name}!{SheetCells.ColumnLetters(column)}{row}");
            }
        }

        return settings;
    }

    /// <summary>Maps the rules' questions and sections back to the cells they came from.</summary>
    private sealed class CellLocator(string sheet, Dictionary<string, int> header, Func<string, string?> settingsCell) : QuestionnaireRules.ILocator
    {
        /// <summary>Per section: the row of its "begin group" (0 outside a group) and its questions' rows.</summary>
        public List<(int GroupRow, List<int> QuestionRows)> Sections { get; } = [];

        /// <summary>The column each reported cell belongs to, so a problem can start with it.</summary>
        public Dictionary<string, string> Columns { get; } = new(StringComparer.Ordinal);

        public string Cell(string column, int row)
        {
            var letters = header.TryGetValue(column, out var c) ? SheetCells.ColumnLetters(c) : $"[{column}]";
            return $"{sheet}!{letters}{row}";
        }

        public string Question(int section, int index, string part)
        {
            var column = part == "choices" ? "type" : part;
            var row = section < Sections.Count && index < Sections[section].QuestionRows.Count ? Sections[section].QuestionRows[index] : 0;
            return Remember(Cell(column, row), column);
        }

        public string Section(int section, string part) =>
            section < Sections.Count && Sections[section].GroupRow > 0 ? Remember(Cell(part, Sections[section].GroupRow), part) : $"{sheet}!{part}";

        public string Questionnaire(string part)
        {
            var column = part switch { "questionnaire_id" => "form_id", "title" => "form_title", _ => part };
            return Remember(settingsCell(column) ?? $"settings!{column}", column);
        }

        private string Remember(string cell, string column)
        {
            Columns[cell] = column;
            return cell;
        }
    }
}
