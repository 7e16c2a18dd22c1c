using System.IO.Pipelines;
using System.Text;
using Safeguarding.Measures.Import.Csv;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Import;

public sealed class CsvReaderTests
{
    [Fact]
    public async Task Reads_quoted_fields_with_commas_quotes_and_newlines()
    {
        var records = await Csv.ReadAllAsync("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"line1\r\nline2\"\r\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(["x, y", "say \"hi\"", "line1\r\nline2"], records[1].Fields);
        Assert.Null(records[1].Error);
    }

    [Fact]
    public async Task Strips_a_byte_order_mark()
    {
        var records = await Csv.ReadAllAsync(Csv.Stream("time_period,x\n2025,1\n", bom: true));

        Assert.Equal("time_period", records[0].Fields[0]);
    }

    [Fact]
    public async Task Accepts_lf_crlf_and_cr_line_ends_and_a_missing_final_newline()
    {
        var records = await Csv.ReadAllAsync("h1,h2\na,b\r\nc,d\re,f");

        Assert.Equal([["h1", "h2"], ["a", "b"], ["c", "d"], ["e", "f"]], records.Select(r => r.Fields.ToArray()));
    }

    [Fact]
    public async Task Line_numbers_count_physical_lines_including_those_inside_quotes()
    {
        var records = await Csv.ReadAllAsync("h\n\"a\nb\nc\"\n\nd\r\n\"e\r\nf\"\r\ng\n");

        Assert.Equal([1L, 2, 6, 7, 9], records.Select(r => r.LineNumber));
    }

    [Fact]
    public async Task Empty_fields_and_quoted_empty_fields()
    {
        var records = await Csv.ReadAllAsync("a,,\"\",d,\n");

        Assert.Equal(["a", "", "", "d", ""], records[0].Fields);
    }

    [Fact]
    public async Task Blank_lines_between_records_are_skipped() =>
        Assert.Equal(2, (await Csv.ReadAllAsync("a\n\n\r\nb\n\n")).Count);

    [Fact]
    public async Task Utf8_text_survives_any_buffer_split()
    {
        var text = "naïve,“quoted”,日本\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        var pipe = new Pipe();
        foreach (var b in bytes)
        {
            await pipe.Writer.WriteAsync(new[] { b });
            await pipe.Writer.FlushAsync();
        }

        await pipe.Writer.CompleteAsync();
        var records = new List<CsvRecord>();
        await foreach (var record in CsvReader.ReadAsync(pipe.Reader))
        {
            records.Add(record);
        }

        Assert.Equal(["naïve", "“quoted”", "日本"], records.Single().Fields);
    }

    [Fact]
    public async Task A_stray_quote_flags_the_record_and_reading_continues()
    {
        var records = await Csv.ReadAllAsync("a,b\n5\" tall,x\n\"ok\"junk,y\nfine,z\n");

        Assert.Contains("quote inside an unquoted field", records[1].Error);
        Assert.Contains("after a closing quote", records[2].Error);
        Assert.Null(records[3].Error);
        Assert.Equal(["fine", "z"], records[3].Fields);
    }

    [Fact]
    public async Task An_unterminated_quote_is_reported_at_the_end()
    {
        var records = await Csv.ReadAllAsync("a,b\n\"never closed,x\ny,z\n");

        Assert.Equal(2, records.Count);
        Assert.Contains("not closed", records[1].Error);
        Assert.Equal(2, records[1].LineNumber);
    }

    [Fact]
    public async Task A_runaway_field_stops_reading_instead_of_swallowing_the_file()
    {
        var text = "h\n\"" + new string('x', 5000) + "\n";

        var records = await Csv.ReadAllAsync(text, new CsvReaderOptions { MaxFieldBytes = 1000 });

        Assert.Contains("longer than 1000 bytes", records.Last().Error);
    }

    [Fact]
    public async Task Another_delimiter_can_be_used() =>
        Assert.Equal(["a", "b,c"], (await Csv.ReadAllAsync("a;b,c\n", new CsvReaderOptions { Delimiter = (byte)';' })).Single().Fields);

    [Fact]
    public async Task An_empty_stream_has_no_records() => Assert.Empty(await Csv.ReadAllAsync(string.Empty));

    [Fact]
    public void The_writer_quotes_only_where_needed() =>
        Assert.Equal("a,\"b,c\",\"d\"\"e\",\"f\ng\"\r\n", CsvWriter.FormatRecord(["a", "b,c", "d\"e", "f\ng"]));
}
