using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Tests.Domain;

public sealed class SafeTextTests
{
    [Theory]
    [InlineData("abc", "'abc'")]
    [InlineData("n/k", "'n/k'")]
    [InlineData("-3", "'-3'")]
    [InlineData("E09000021 / E09000027", "'E09000021 / E09000027'")]
    [InlineData("Jane Smith", "a value of 10 characters (not shown)")]
    [InlineData("Smith", "a value of 5 characters (not shown)")]
    [InlineData("", "a blank value")]
    public void Echoes_only_values_that_cannot_identify_anyone(string text, string expected) =>
        Assert.Equal(expected, SafeText.Quote(text));

    [Fact]
    public void Known_labels_are_echoed() =>
        Assert.Equal("'Autumn term'", SafeText.Quote("Autumn term", ["Autumn term"]));
}
