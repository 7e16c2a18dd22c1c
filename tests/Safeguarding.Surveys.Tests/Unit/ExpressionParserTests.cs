using Safeguarding.Surveys.Domain.Expressions;
using Safeguarding.Surveys.Domain.Responses;

namespace Safeguarding.Surveys.Tests.Unit;

public sealed class ExpressionParserTests
{
    private static AnswerSet Answers(params (string Name, string[] Values)[] answers)
    {
        var set = new AnswerSet();
        foreach (var (name, values) in answers)
        {
            set.Set(name, values);
        }

        return set;
    }

    private static bool Eval(string text, AnswerSet answers, string? self = null) =>
        ExpressionParser.Parse(text, allowSelf: self is not null).IsTrue(answers, self);

    [Theory]
    [InlineData("${q} = 'yes'", true)]
    [InlineData("${q} = \"yes\"", true)]
    [InlineData("${q} != 'yes'", false)]
    [InlineData("${q} = 'no'", false)]
    [InlineData("not(${q} = 'yes')", false)]
    [InlineData("${q} = 'yes' and ${n} > 3", true)]
    [InlineData("${q} = 'no' or ${n} >= 4", true)]
    [InlineData("${q} = 'no' or ${n} > 4", false)]
    [InlineData("(${q} = 'no' or ${n} = 4) and not(${n} < 4)", true)]
    [InlineData("${n} <= 4 and ${n} >= 4", true)]
    [InlineData("${n} = 4.0", true)]
    [InlineData("selected(${m}, 'b')", true)]
    [InlineData("selected(${m}, 'c')", false)]
    [InlineData("count-selected(${m}) = 2", true)]
    [InlineData("${empty} = ''", true)]
    [InlineData("${empty} > 3", false)]
    [InlineData("${empty} != 3", true)]
    [InlineData("true()", true)]
    [InlineData("false() or ${q}", true)]
    [InlineData("${m} = 'a b'", true)]
    public void Evaluates_the_supported_subset_as_ODK_does(string text, bool expected)
    {
        var answers = Answers(("q", ["yes"]), ("n", ["4"]), ("m", ["a", "b"]));
        Assert.Equal(expected, Eval(text, answers));
    }

    [Theory]
    [InlineData(". >= 0 and . <= 120", "37", true)]
    [InlineData(". >= 0 and . <= 120", "121", false)]
    [InlineData(". != ''", "", false)]
    [InlineData(". > 2", "abc", false)]
    public void Constraints_read_the_answer_as_dot(string text, string self, bool expected) =>
        Assert.Equal(expected, Eval(text, new AnswerSet(), self));

    [Theory]
    [InlineData("${q} = ", 8, "ends too soon")]
    [InlineData("${q} + 1 = 2", 6, "'+' is not supported")]
    [InlineData("if(${q} = 'a', 1, 0)", 1, "function 'if()' is not supported")]
    [InlineData("${q = 'a'", 1, "no closing '}'")]
    [InlineData("${1q} = 'a'", 1, "is not a question name")]
    [InlineData("$q = 'a'", 1, "'$' must start a reference")]
    [InlineData("${q} = 'a", 8, "no closing quote")]
    [InlineData("(${q} = 'a'", 12, "expected ')'")]
    [InlineData("${q} = 'a' ${r}", 12, "unexpected")]
    [InlineData("1 < ${n} < 3", 10, "chained comparisons")]
    [InlineData("q = 'a'", 1, "'q' is not supported")]
    [InlineData(". = 'a'", 1, "only for constraints")]
    [InlineData("../q = 'a'", 1, "paths")]
    [InlineData("${q} = 'a' and", 15, "ends too soon")]
    [InlineData("selected(${q} 'a')", 15, "expected ','")]
    public void Refuses_what_it_does_not_support_with_the_position(string text, int position, string message)
    {
        var ex = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(text, allowSelf: false));
        Assert.Equal(position, ex.Position);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_the_questions_it_refers_to_once_each()
    {
        var expression = ExpressionParser.Parse("${a} = 'x' or (selected(${b}, 'y') and ${a} != 'z')", allowSelf: false);
        Assert.Equal(["a", "b"], expression.References());
    }
}
