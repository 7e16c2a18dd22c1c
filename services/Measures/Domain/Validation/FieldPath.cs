namespace Safeguarding.Measures.Domain;

/// <summary>Builds snake_case field paths such as "measures[2].numerator".</summary>
public static class FieldPath
{
    public static string Join(string prefix, string field) =>
        string.IsNullOrEmpty(prefix) ? field
        : string.IsNullOrEmpty(field) ? prefix
        : field.StartsWith('[') ? prefix + field
        : prefix + "." + field;

    public static string Index(string collection, int index) => $"{collection}[{index}]";
}
