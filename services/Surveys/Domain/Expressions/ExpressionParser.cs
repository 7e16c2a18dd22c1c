using System.Globalization;

namespace Safeguarding.Surveys.Domain.Expressions;

/// <summary>A problem in an expression, at a 1-based character position within it.</summary>
public sealed class ExpressionException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}

/// <summary>
/// Parses the XLSForm expression subset of <see cref="Expression"/> by recursive descent. Anything outside it
/// (arithmetic, other functions, paths, chained comparisons) is refused with the position where it starts, so a
/// form never loads with logic the service would evaluate differently from ODK.
/// </summary>
public static class ExpressionParser
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, bool), Expression> Parsed = new();

    /// <summary>
    /// Parses <paramref name="text"/> once and keeps it (expressions of stored questionnaires are evaluated on every
    /// page); <paramref name="allowSelf"/> admits "." (constraints).
    /// </summary>
    public static Expression Parse(string text, bool allowSelf)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Parsed.TryGetValue((text, allowSelf), out var known))
        {
            return known;
        }

        var parsed = ParseNew(text, allowSelf);
        if (Parsed.Count > 10_000)
        {
            Parsed.Clear();
        }

        Parsed[(text, allowSelf)] = parsed;
        return parsed;
    }

    private static Expression ParseNew(string text, bool allowSelf)
    {
        var tokens = Lexer.Tokenise(text);
        var parser = new Parser(tokens, allowSelf);
        var expression = parser.ParseOr();
        var next = parser.Peek();
        if (next.Kind != TokenKind.End)
        {
            throw new ExpressionException($"unexpected '{next.Text}' after a complete expression", next.Position);
        }

        return expression;
    }

    private enum TokenKind
    {
        Reference,
        Dot,
        String,
        Number,
        Name,
        Operator,
        LeftParen,
        RightParen,
        Comma,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Position);

    private static class Lexer
    {
        public static List<Token> Tokenise(string text)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                var position = i + 1;
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '$')
                {
                    if (i + 1 >= text.Length || text[i + 1] != '{')
                    {
                        throw new ExpressionException("'$' must start a reference like ${question}", position);
                    }

                    var end = text.IndexOf('}', i + 2);
                    if (end < 0)
                    {
                        throw new ExpressionException("reference has no closing '}'", position);
                    }

                    var name = text[(i + 2)..end];
                    if (!Names.IsValid(name))
                    {
                        throw new ExpressionException($"'{name}' is not a question name", position);
                    }

                    tokens.Add(new Token(TokenKind.Reference, name, position));
                    i = end + 1;
                }
                else if (c is '\'' or '"')
                {
                    var end = text.IndexOf(c, i + 1);
                    if (end < 0)
                    {
                        throw new ExpressionException("text has no closing quote", position);
                    }

                    tokens.Add(new Token(TokenKind.String, text[(i + 1)..end], position));
                    i = end + 1;
                }
                else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                {
                    var start = i;
                    while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                    {
                        i++;
                    }

                    var number = text[start..i];
                    if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                    {
                        throw new ExpressionException($"'{number}' is not a number", position);
                    }

                    tokens.Add(new Token(TokenKind.Number, number, position));
                }
                else if (c == '.')
                {
                    if (i + 1 < text.Length && text[i + 1] == '.')
                    {
                        throw new ExpressionException("paths ('..') are not supported; refer to questions as ${name}", position);
                    }

                    tokens.Add(new Token(TokenKind.Dot, ".", position));
                    i++;
                }
                else if (char.IsAsciiLetter(c))
                {
                    var start = i;
                    while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_' or ':'))
                    {
                        i++;
                    }

                    tokens.Add(new Token(TokenKind.Name, text[start..i], position));
                }
                else if (c is '=' or '<' or '>' or '!')
                {
                    var op = i + 1 < text.Length && text[i + 1] == '=' ? text.Substring(i, 2) : c.ToString();
                    if (op == "!")
                    {
                        throw new ExpressionException("'!' must be '!='; for negation use not(…)", position);
                    }

                    tokens.Add(new Token(TokenKind.Operator, op, position));
                    i += op.Length;
                }
                else if (c == '(')
                {
                    tokens.Add(new Token(TokenKind.LeftParen, "(", position));
                    i++;
                }
                else if (c == ')')
                {
                    tokens.Add(new Token(TokenKind.RightParen, ")", position));
                    i++;
                }
                else if (c == ',')
                {
                    tokens.Add(new Token(TokenKind.Comma, ",", position));
                    i++;
                }
                else
                {
                    throw new ExpressionException(c is '+' or '-' or '*' or '/' or '|' or '[' or ']'
                        ? $"'{c}' is not supported (only comparisons, and, or, not(), selected(), count-selected())"
                        : $"unexpected character '{c}'", position);
                }
            }

            tokens.Add(new Token(TokenKind.End, string.Empty, text.Length + 1));
            return tokens;
        }
    }

    private sealed class Parser(List<Token> tokens, bool allowSelf)
    {
        private int _index;

        public Token Peek() => tokens[_index];

        private Token Next() => tokens[_index++];

        public Expression ParseOr()
        {
            var left = ParseAnd();
            while (IsKeyword(Peek(), "or"))
            {
                Next();
                left = new Or(left, ParseAnd());
            }

            return left;
        }

        private Expression ParseAnd()
        {
            var left = ParseComparison();
            while (IsKeyword(Peek(), "and"))
            {
                Next();
                left = new And(left, ParseComparison());
            }

            return left;
        }

        private Expression ParseComparison()
        {
            var left = ParsePrimary();
            if (Peek().Kind != TokenKind.Operator)
            {
                return left;
            }

            var op = Next();
            var right = ParsePrimary();
            if (Peek().Kind == TokenKind.Operator)
            {
                throw new ExpressionException("chained comparisons are ambiguous; add parentheses and 'and'", Peek().Position);
            }

            return new Comparison(op.Text switch
            {
                "=" => ComparisonOperator.Equal,
                "!=" => ComparisonOperator.NotEqual,
                "<" => ComparisonOperator.Less,
                "<=" => ComparisonOperator.LessOrEqual,
                ">" => ComparisonOperator.Greater,
                ">=" => ComparisonOperator.GreaterOrEqual,
                _ => throw new ExpressionException(op.Text == "==" ? "'==' is not XLSForm; write '='" : $"'{op.Text}' is not a comparison", op.Position),
            }, left, right);
        }

        private Expression ParsePrimary()
        {
            var token = Next();
            switch (token.Kind)
            {
                case TokenKind.LeftParen:
                    var inner = ParseOr();
                    Expect(TokenKind.RightParen, "')'");
                    return inner;
                case TokenKind.Reference:
                    return new Reference(token.Text);
                case TokenKind.String:
                    return new Literal(token.Text, IsNumber: false);
                case TokenKind.Number:
                    return new Literal(token.Text, IsNumber: true);
                case TokenKind.Dot:
                    return allowSelf ? new Self() : throw new ExpressionException("'.' (this answer) is only for constraints; refer to questions as ${name}", token.Position);
                case TokenKind.Name:
                    return ParseFunction(token);
                case TokenKind.End:
                    throw new ExpressionException("the expression ends too soon", token.Position);
                default:
                    throw new ExpressionException($"unexpected '{token.Text}'", token.Position);
            }
        }

        private Expression ParseFunction(Token name)
        {
            if (Peek().Kind != TokenKind.LeftParen)
            {
                throw new ExpressionException(name.Text is "and" or "or"
                    ? $"'{name.Text}' needs something before it"
                    : $"'{name.Text}' is not supported; refer to questions as ${{name}} and quote text as 'text'", name.Position);
            }

            Next();
            Expression result;
            switch (name.Text)
            {
                case "not":
                    result = new Not(ParseOr());
                    break;
                case "selected":
                    var target = ParseOr();
                    Expect(TokenKind.Comma, "','");
                    result = new Selected(target, ParseOr());
                    break;
                case "count-selected":
                    result = new CountSelected(ParseOr());
                    break;
                case "true":
                    result = new BooleanConstant(true);
                    break;
                case "false":
                    result = new BooleanConstant(false);
                    break;
                default:
                    throw new ExpressionException($"function '{name.Text}()' is not supported (supported: not, selected, count-selected, true, false)", name.Position);
            }

            Expect(TokenKind.RightParen, "')'");
            return result;
        }

        private void Expect(TokenKind kind, string what)
        {
            var token = Next();
            if (token.Kind != kind)
            {
                throw new ExpressionException(token.Kind == TokenKind.End ? $"expected {what} before the end" : $"expected {what}, found '{token.Text}'", token.Position);
            }
        }

        private static bool IsKeyword(Token token, string word) => token.Kind == TokenKind.Name && token.Text == word;
    }
}

/// <summary>The shape of question, list and choice names (XLSForm's XML names, without ':').</summary>
public static class Names
{
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= 64 }
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    /// <summary>A choice name: as a question name, but may start with a digit (XLSForm scales are often "1".."5").</summary>
    public static bool IsValidChoice(string? name) =>
        name is { Length: > 0 and <= 64 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
