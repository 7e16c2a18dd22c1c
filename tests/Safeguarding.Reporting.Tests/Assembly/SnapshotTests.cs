using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering;
using Safeguarding.Reporting.Samples;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Assembly;

/// <summary>A stored snapshot renders to exactly the bytes of the document it was taken from.</summary>
public sealed class SnapshotTests
{
    private static readonly HtmlReportRenderer Renderer = new();

    [Fact]
    public void A_book_read_back_from_its_snapshot_renders_the_same_bytes()
    {
        var book = SampleReports.Book(new SampleBookOptions { ContentAreas = 3, Measures = 9, Years = 2 });

        var snapshot = DocumentSnapshot.Serialize(book);
        var restored = DocumentSnapshot.Deserialize(ReportKind.Book, snapshot);

        Assert.Equal(ReportFiles.RenderHtml(Renderer, book), ReportFiles.RenderHtml(Renderer, restored));
        Assert.Equal(snapshot, DocumentSnapshot.Serialize(restored));
    }

    [Fact]
    public void A_quarterly_report_read_back_from_its_snapshot_renders_the_same_bytes()
    {
        var quarterly = SampleReports.Quarterly();

        var restored = DocumentSnapshot.Deserialize(ReportKind.Quarterly, DocumentSnapshot.Serialize(quarterly));

        Assert.Equal(ReportFiles.RenderHtml(Renderer, quarterly), ReportFiles.RenderHtml(Renderer, restored));
        var breakdown = Assert.Single(((QuarterlyReport)restored).Performance.Breakdowns);
        Assert.Equal(PointState.Suppressed, breakdown.Groups[2].State);
    }

    [Fact]
    public void The_snapshot_is_the_api_document_too()
    {
        var quarterly = SampleReports.Quarterly();

        var document = DocumentSnapshot.ToStruct(DocumentSnapshot.Serialize(quarterly));

        Assert.Equal(quarterly.Title, document.Fields["title"].StringValue);
        Assert.Equal("partnership", document.Fields["organisation"].StructValue.Fields["kind"].StringValue);
    }

    [Fact]
    public void The_api_document_is_what_the_proto3_json_parser_reads_from_the_snapshot()
    {
        var snapshot = DocumentSnapshot.Serialize(SampleReports.Book(new SampleBookOptions { ContentAreas = 3, Measures = 9, Years = 2 }));

        var expected = Google.Protobuf.JsonParser.Default.Parse<Google.Protobuf.WellKnownTypes.Struct>(System.Text.Encoding.UTF8.GetString(snapshot));

        Assert.Equal(expected, DocumentSnapshot.ToStruct(snapshot));
    }

    [Fact]
    public void Snapshots_of_equal_documents_have_equal_hashes()
    {
        Assert.Equal(
            DocumentSnapshot.Sha256(DocumentSnapshot.Serialize(SampleReports.Quarterly(3))),
            DocumentSnapshot.Sha256(DocumentSnapshot.Serialize(SampleReports.Quarterly(3))));
        Assert.NotEqual(
            DocumentSnapshot.Sha256(DocumentSnapshot.Serialize(SampleReports.Quarterly(3))),
            DocumentSnapshot.Sha256(DocumentSnapshot.Serialize(SampleReports.Quarterly(4))));
    }
}
