namespace Safeguarding.Platform.Grpc.Tests.Unit;

public sealed class MetadataTests
{
    [Fact]
    public void Keys_are_lowercased_and_looked_up_case_insensitively()
    {
        var metadata = new Metadata().Add("X-Request-Id", "a").Add("x-request-id", "b").Add("other", "c");

        Assert.Equal(3, metadata.Count);
        Assert.Equal("x-request-id", metadata.First().Key);
        Assert.Equal("a", metadata.GetValue("X-REQUEST-ID"));
        Assert.Equal(["a", "b"], metadata.GetAll("x-request-id").Select(e => e.Value));
        Assert.Null(metadata.Get("missing"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("colon:")]
    [InlineData(":path")]
    [InlineData("ключ")]
    [InlineData("slash/")]
    [InlineData("grpc-status")]
    [InlineData("grpc-anything")]
    [InlineData("Grpc-Timeout")]
    [InlineData("content-type")]
    [InlineData("te")]
    [InlineData("host")]
    [InlineData("connection")]
    public void Rejects_illegal_and_reserved_keys(string key)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Metadata.Entry(key, "v"));
    }

    [Theory]
    [InlineData("a-b_c.d")]
    [InlineData("0123456789")]
    [InlineData("x-user-agent-extra")]
    public void Accepts_legal_keys(string key)
    {
        Assert.Equal(key, new Metadata.Entry(key, "v").Key);
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("tab\t")]
    [InlineData("café")]
    [InlineData("\u007F")]
    public void Rejects_ascii_values_that_are_not_printable(string value)
    {
        Assert.Throws<ArgumentException>(() => new Metadata.Entry("x-text", value));
    }

    [Fact]
    public void Binary_keys_need_bytes_and_bytes_need_a_binary_key()
    {
        Assert.Throws<ArgumentException>(() => new Metadata.Entry("x-data-bin", "text"));
        Assert.Throws<ArgumentException>(() => new Metadata.Entry("x-data", [1, 2]));

        var entry = new Metadata.Entry("X-Data-BIN", [1, 2]);
        Assert.True(entry.IsBinary);
        Assert.Equal("x-data-bin", entry.Key);
        Assert.Equal(new byte[] { 1, 2 }, entry.ValueBytes);
    }

    [Theory]
    [InlineData(new byte[] { }, "")]
    [InlineData(new byte[] { 0xFB }, "+w")]
    [InlineData(new byte[] { 0xFB, 0xFF }, "+/8")]
    [InlineData(new byte[] { 0xFB, 0xFF, 0x00 }, "+/8A")]
    [InlineData(new byte[] { 0, 1, 2, 3 }, "AAECAw")]
    public void Binary_values_go_on_the_wire_as_unpadded_base64(byte[] bytes, string wire)
    {
        var entry = new Metadata.Entry("x-data-bin", bytes);

        Assert.Equal(wire, entry.WireValue);
        Assert.Equal(bytes, Metadata.FromWire("x-data-bin", wire).ValueBytes);
    }

    [Theory]
    [InlineData("AQ", new byte[] { 1 })]
    [InlineData("AQ==", new byte[] { 1 })]
    [InlineData("AQI", new byte[] { 1, 2 })]
    [InlineData("AQI=", new byte[] { 1, 2 })]
    [InlineData("AQID", new byte[] { 1, 2, 3 })]
    [InlineData(" AQID ", new byte[] { 1, 2, 3 })]
    [InlineData("", new byte[] { })]
    public void Binary_values_are_read_with_or_without_padding(string wire, byte[] expected)
    {
        var entry = Metadata.FromWire("x-data-bin", wire);

        Assert.True(entry.IsBinary);
        Assert.Equal(expected, entry.ValueBytes);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("A===")]
    [InlineData("!!!!")]
    public void Malformed_base64_is_a_format_error(string wire)
    {
        Assert.Throws<FormatException>(() => Metadata.FromWire("x-data-bin", wire));
    }

    [Fact]
    public void Text_values_are_read_as_they_are()
    {
        var entry = Metadata.FromWire("x-text", "AQ==");

        Assert.False(entry.IsBinary);
        Assert.Equal("AQ==", entry.Value);
        Assert.Equal("AQ==", entry.WireValue);
    }
}
