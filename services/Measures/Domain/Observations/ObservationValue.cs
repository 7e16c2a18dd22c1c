using System.Globalization;

namespace Safeguarding.Measures.Domain;

/// <summary>
/// The figure of an observation: a count, a numerator over a denominator (kept apart so proportions
/// can be summed across organisations), a directly measured value, or a state without a number.
/// Build it with the factories; they refuse negative figures and numbers on withheld states.
/// </summary>
public sealed record ObservationValue
{
    private ObservationValue(ObservationState state, decimal? numerator, decimal? denominator, decimal? amount, string? reason)
    {
        State = state;
        Numerator = numerator;
        Denominator = denominator;
        Amount = amount;
        Reason = reason;
    }

    public ObservationState State { get; }

    public decimal? Numerator { get; }

    public decimal? Denominator { get; }

    /// <summary>A count, or a value given without its numerator and denominator.</summary>
    public decimal? Amount { get; }

    /// <summary>Why a state is not a plain value ("c in rereferral_count"); null for plain values.</summary>
    public string? Reason { get; }

    public bool HasNumbers => Amount is not null || Numerator is not null;

    public bool IsProportion => Numerator is not null;

    public static ObservationValue Count(decimal count) =>
        new(ObservationState.Value, null, null, NonNegative(count, "value.amount"), null);

    public static ObservationValue Proportion(decimal numerator, decimal denominator) =>
        new(ObservationState.Value, NonNegative(numerator, "value.numerator"), NonNegative(denominator, "value.denominator"), null, null);

    /// <summary>A value known only as a result (a published percentage, a survey score).</summary>
    public static ObservationValue Measured(decimal value) =>
        new(ObservationState.Value, null, null, NonNegative(value, "value.amount"), null);

    /// <summary>A state with no number: suppressed, not available, not applicable, rounds to zero, or low reliability withheld.</summary>
    public static ObservationValue Withheld(ObservationState state, string reason)
    {
        if (state == ObservationState.Value || !Enum.IsDefined(state))
        {
            throw new DomainValidationException("value.state", "a withheld figure needs a state other than value");
        }

        return new ObservationValue(state, null, null, null, RequireReason(reason));
    }

    /// <summary>The same figure, flagged as low reliability (EES <c>u</c> with a number).</summary>
    public ObservationValue WithLowReliability(string reason)
    {
        if (!HasNumbers)
        {
            throw new DomainValidationException("value.state", "only a figure with numbers can be flagged low reliability; use Withheld");
        }

        return new ObservationValue(ObservationState.LowReliability, Numerator, Denominator, Amount, RequireReason(reason));
    }

    public override string ToString() => State switch
    {
        ObservationState.Value or ObservationState.LowReliability when IsProportion =>
            $"{Format(Numerator!.Value)}/{Format(Denominator!.Value)}{Flag()}",
        ObservationState.Value or ObservationState.LowReliability when Amount is not null => Format(Amount.Value) + Flag(),
        _ => $"{WireNames.ToWire(State)} ({Reason})",
    };

    /// <summary>Decimal text without trailing zeros, so 12.50 and 12.5 read (and hash) the same.</summary>
    internal static string Format(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    private string Flag() => State == ObservationState.LowReliability ? " (low reliability)" : string.Empty;

    private static decimal NonNegative(decimal value, string field) =>
        value >= 0 ? value : throw new DomainValidationException(field, "must not be negative");

    private static string RequireReason(string reason)
    {
        if (!Text.IsLabel(reason, 500))
        {
            throw new DomainValidationException("value.reason", "is required (single line, at most 500 characters)");
        }

        Text.RefusePersonalDetail("value.reason", reason);
        return reason.Trim();
    }
}
