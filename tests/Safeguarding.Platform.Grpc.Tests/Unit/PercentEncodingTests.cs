namespace Safeguarding.Platform.Grpc.Tests.Unit;

public sealed class PercentEncodingTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Plain printable ASCII: ~!@#$^&*()_+{}|:\"<>?`-=[]\\;',./")]
    public void Leaves_printable_ascii_alone(string value)
    {
        Assert.Same(value, PercentEncoding.Encode(value));
        Assert.Equal(value, PercentEncoding.Decode(value));
    }

    [Theory]
    [InlineData("100%", "100%25")]
    [InlineData("%41", "%2541")]
    [InlineData("line\nbreak\ttab", "line%0Abreak%09tab")]
    [InlineData("\u007F", "%7F")]
    [InlineData("café", "caf%C3%A9")]
    [InlineData("€", "%E2%82%AC")]
    [InlineData("ok 😀!", "ok %F0%9F%98%80!")] // a surrogate pair is one code point: four UTF-8 bytes
    [InlineData("日本", "%E6%97%A5%E6%9C%AC")]
    public void Encodes_percent_controls_and_utf8_and_decodes_back(string value, string encoded)
    {
        Assert.Equal(encoded, PercentEncoding.Encode(value));
        Assert.Equal(value, PercentEncoding.Decode(encoded));
    }

    [Fact]
    public void Encodes_a_lone_surrogate_as_the_replacement_character()
    {
        Assert.Equal("%EF%BF%BD", PercentEncoding.Encode("\uD83D"));
    }

    [Theory]
    [InlineData("%c3%a9", "é")] // lowercase hex
    [InlineData("%", "%")]
    [InlineData("%4", "%4")]
    [InlineData("50%", "50%")]
    [InlineData("%ZZ", "%ZZ")]
    [InlineData("%G1", "%G1")]
    [InlineData("%41%4", "A%4")]
    [InlineData("a%%41b", "a%Ab")]
    [InlineData("%%%", "%%%")]
    [InlineData("é%20😀", "é 😀")] // unescaped non-ASCII (not spec, but seen) survives beside escapes
    public void Decodes_leniently_keeping_malformed_escapes_as_written(string value, string decoded)
    {
        Assert.Equal(decoded, PercentEncoding.Decode(value));
    }

    [Theory]
    [InlineData("%FF")]
    [InlineData("%E2%82")] // a truncated UTF-8 sequence
    public void Decodes_invalid_utf8_to_the_replacement_character(string value)
    {
        Assert.Contains('\uFFFD', PercentEncoding.Decode(value));
    }
}
