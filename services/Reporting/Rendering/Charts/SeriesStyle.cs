namespace Safeguarding.Reporting.Rendering.Charts;

/// <summary>
/// How a series is drawn. Series differ by dash pattern and marker shape as well as colour,
/// so no meaning rests on colour alone; every colour has at least 4.5:1 contrast on white.
/// </summary>
internal sealed record SeriesStyle(int Index, string Colour, string? Dash, string MarkerPath, string Description)
{
    /// <summary>Index 0 is the reporting organisation; comparators take 1..n, cycling after the last.</summary>
    public static readonly SeriesStyle[] All =
    [
        new(0, "#1d70b8", null, "M-4,0a4,4 0 1,0 8,0a4,4 0 1,0 -8,0Z", "solid line with circles"),
        new(1, "#0b0c0c", "7 4", "M-3.5,-3.5h7v7h-7Z", "dashed line with squares"),
        new(2, "#a34700", "2 3", "M0,-4.5L4.2,3.2H-4.2Z", "dotted line with triangles"),
        new(3, "#00703c", "9 3 2 3", "M0,-5L5,0L0,5L-5,0Z", "dash-dot line with diamonds"),
        new(4, "#912b88", "12 4", "M0,4.5L4.2,-3.2H-4.2Z", "long-dashed line with inverted triangles"),
    ];

    public string MarkerId => "sg-marker-" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static SeriesStyle Primary => All[0];

    public static SeriesStyle Comparator(int comparatorIndex) => All[1 + (comparatorIndex % (All.Length - 1))];
}
