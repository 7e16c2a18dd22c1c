using System.Globalization;

namespace Safeguarding.Surveys.Domain.Expressions;

/// <summary>
/// A parsed XLSForm <c>relevant</c> or <c>constraint</c> expression of the subset this service supports:
/// <c>${q}</c> references, <c>.</c> (the answer itself, constraints only), quoted strings, numbers,
/// <c>= != &lt; &lt;= &gt; &gt;=</c>, <c>and</c>, <c>or</c>, <c>not(…)</c>, parentheses, <c>selected(${q}, 'x')</c>,
/// <c>count-selected(${q})</c>, <c>true()</c> and <c>false()</c>. Comparison follows XPath 1.0 as ODK does: when
/// either side is a number, or the operator is relational, both sides compare as numbers (an empty or non-numeric
/// answer is NaN, so every comparison but <c>!=</c> is false); otherwise as strings.
/// </summary>
public abstract record Expression
{
    /// <summary>Evaluates to true or false with the respondent's answers so far.</summary>
    public bool IsTrue(IAnswerLookup answers, string? self = null) => Evaluate(answers, self).AsBoolean();

    internal abstract XValue Evaluate(IAnswerLookup answers, string? self);

    /// <summary>The question names it refers to (<c>${name}</c>), in order of appearance.</summary>
    public IEnumerable<string> References()
    {
        var found = new List<string>();
        Collect(found);
        return found.Distinct(StringComparer.Ordinal);
    }

    internal abstract void Collect(List<string> names);
}

/// <summary>The answers an expression reads: a single value, or a multiple choice's selections.</summary>
public interface IAnswerLookup
{
    /// <summary>The answer's text as XLSForm sees it (selections joined by spaces); empty when unanswered.</summary>
    string Text(string question);

    /// <summary>The selections of a multiple choice (or the single value as one selection); empty when unanswered.</summary>
    IReadOnlyList<string> Selections(string question);
}

internal sealed record Literal(string Text, bool IsNumber) : Expression
{
    internal override XValue Evaluate(IAnswerLookup answers, string? self) =>
        IsNumber ? XValue.Number(double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture)) : XValue.String(Text);

    internal override void Collect(List<string> names)
    {
    }
}

internal sealed record BooleanConstant(bool Value) : Expression
{
    internal override XValue Evaluate(IAnswerLookup answers, string? self) => XValue.Boolean(Value);

    internal override void Collect(List<string> names)
    {
    }
}

internal sealed record Reference(string Name) : Expression
{
    internal override XValue Evaluate(IAnswerLookup answers, string? self) => XValue.String(answers.Text(Name));

    internal override void Collect(List<string> names) => names.Add(Name);
}

internal sealed record Self : Expression
{
    internal override XValue Evaluate(IAnswerLookup answers, string? self) => XValue.String(self ?? string.Empty);

    internal override void Collect(List<string> names)
    {
    }
}

internal sealed record Selected(Expression Target, Expression Choice) : Expression
{
    internal override XValue Evaluate(IAnswerLookup answers, string? self)
    {
        var choice = Choice.Evaluate(answers, self).AsString();
        var selections = Target is Reference reference
            ? answers.Selections(reference.Name)
            : Target.Evaluate(answers, self).AsString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return XValue.Boolean(selections.Contains(choice, StringComparer.Ordinal));
    }

    internal override void Collect(List<string> names)
    {
        Target.Collect(names);
        Choice.Collect(names);
    }
}

internal sealed record CountSelected(Expression Target) : Expression
{
    internal override XValue Evaluate(IAnswerLookup answers, string? self) =>
        XValue.Number(Target is Reference reference
            ? answers.Selections(reference.Name).Count
            : Target.Evaluate(answers, self).AsString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

    internal override void Collect(List<string> names) => Target.Collect(names);
}

internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

internal sealed record Comparison(ComparisonOperator Operator, Expression Left, Expression Right) : Expression
{
    internal override XValue Evaluate(IAnswerLookup answers, string? self)
    {
        var left = Left.Evaluate(answers, self);
        var right = Right.Evaluate(answers, self);
        if (left.Kind == XKind.Boolean || right.Kind == XKind.Boolean)
        {
            var (l, r) = (left.AsBoolean(), right.AsBoolean());
            return XValue.Boolean(Operator switch
            {
                ComparisonOperator.Equal => l == r,
                ComparisonOperator.NotEqual => l != r,
                _ => Compare(l ? 1 : 0, r ? 1 : 0),
            });
        }

        var numeric = left.Kind == XKind.Number || right.Kind == XKind.Number
            || Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual);
        if (numeric)
        {
            return XValue.Boolean(Compare(left.AsNumber(), right.AsNumber()));
        }

        var equal = string.Equals(left.AsString(), right.AsString(), StringComparison.Ordinal);
        return XValue.Boolean(Operator == ComparisonOperator.Equal ? equal : !equal);
    }

    // IEEE semantics give XPath's: any comparison with NaN is false, except "!=".
    private bool Compare(double l, double r) => Operator switch
    {
        ComparisonOperator.Equal => l == r,
        ComparisonOperator.NotEqual => !(l == r),
        ComparisonOperator.Less => l < r,
        ComparisonOperator.LessOrEqual => l <= r,
        ComparisonOperator.Greater => l > r,
        _ => l >= r,
    };

    internal override void Collect(List<string> names)
    {
        Left.Collect(names);
        Right.Collect(names);
    }
}

internal sealed record And(Expression Left, Expression Right) : Expression
{
    internal override XValue Evaluate(IAnswerLookup answers, string? self) =>
        XValue.Boolean(Left.Evaluate(answers, self).AsBoolean() && Right.Evaluate(answers, self).AsBoolean());

    internal override void Collect(List<string> names)
    {
        Left.Collect(names);
        Right.Collect(names);
    }
}

internal sealed record Or(Expression Left, Expression Right) : Expression
{
    internal override XValue Evaluate(IAnswerLookup answers, string? self) =>
        XValue.Boolean(Left.Evaluate(answers, self).AsBoolean() || Right.Evaluate(answers, self).AsBoolean());

    internal override void Collect(List<string> names)
    {
        Left.Collect(names);
        Right.Collect(names);
    }
}

internal sealed record Not(Expression Operand) : Expression
{
    internal override XValue Evaluate(IAnswerLookup answers, string? self) => XValue.Boolean(!Operand.Evaluate(answers, self).AsBoolean());

    internal override void Collect(List<string> names) => Operand.Collect(names);
}

internal enum XKind
{
    String,
    Number,
    Boolean,
}

/// <summary>An XPath 1.0 value with its conversions.</summary>
internal readonly record struct XValue(XKind Kind, string Text, double Numeric, bool Truth)
{
    public static XValue String(string text) => new(XKind.String, text, 0, false);

    public static XValue Number(double value) => new(XKind.Number, string.Empty, value, false);

    public static XValue Boolean(bool value) => new(XKind.Boolean, string.Empty, 0, value);

    public bool AsBoolean() => Kind switch
    {
        XKind.Boolean => Truth,
        XKind.Number => Numeric != 0 && !double.IsNaN(Numeric),
        _ => Text.Length > 0,
    };

    public double AsNumber() => Kind switch
    {
        XKind.Number => Numeric,
        XKind.Boolean => Truth ? 1 : 0,
        _ => double.TryParse(Text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : double.NaN,
    };

    public string AsString() => Kind switch
    {
        XKind.String => Text,
        XKind.Boolean => Truth ? "true" : "false",
        _ => Numeric.ToString(CultureInfo.InvariantCulture),
    };
}
