using System.Globalization;
using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Import;

/// <summary>One cell read as a number, a state code (c, x, z, u, low, blank) or neither.</summary>
internal readonly record struct Cell(string Column, string Text, decimal? Number, ObservationState? State)
{
    public bool IsInvalid => Number is null && State is null;

    public static Cell Read(string column, string raw, SpecialCodes codes)
    {
        var text = raw.Trim();
        if (text.Length == 0)
        {
            return new Cell(column, "blank", null, codes.BlankState);
        }

        if (codes.TryGet(text, out var state))
        {
            return new Cell(column, text, null, state);
        }

        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? new Cell(column, text, number, null)
            : new Cell(column, text, null, null);
    }
}
