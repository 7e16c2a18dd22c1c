using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf.WellKnownTypes;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.SignOff;

/// <summary>
/// The exact input of rendering, stored with every report: the document as canonical JSON (declaration
/// order, invariant numbers that round-trip, enums by name). Reading a snapshot back and rendering it gives
/// the same bytes as the first rendering, which is what makes a published report reproducible.
/// </summary>
internal static class DocumentSnapshot
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new SeriesPointConverter() },
        WriteIndented = false,
        RespectRequiredConstructorParameters = true,
    };

    public static byte[] Serialize(ReportDocument document) => document switch
    {
        QuarterlyReport quarterly => JsonSerializer.SerializeToUtf8Bytes(quarterly, Options),
        ReportBook book => JsonSerializer.SerializeToUtf8Bytes(book, Options),
        _ => throw new NotSupportedException("No snapshot format for " + document.GetType().Name + "."),
    };

    public static ReportDocument Deserialize(ReportKind kind, byte[] snapshot) => kind switch
    {
        ReportKind.Quarterly => JsonSerializer.Deserialize<QuarterlyReport>(snapshot, Options),
        ReportKind.Book => JsonSerializer.Deserialize<ReportBook>(snapshot, Options),
        _ => (ReportDocument?)null,
    } ?? throw new InvalidOperationException("The stored snapshot is not a " + kind + " document.");

    /// <summary>The document as a proto Struct for the API: the same JSON, as the proto3 JSON mapping reads it.</summary>
    public static Struct ToStruct(byte[] snapshot) => SnapshotStruct.Read(snapshot);

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A point is a value or a state: written as its parts, read back through its factories so its rules hold.</summary>
    private sealed class SeriesPointConverter : JsonConverter<SeriesPoint>
    {
        public override SeriesPoint Read(ref Utf8JsonReader reader, System.Type typeToConvert, JsonSerializerOptions options)
        {
            var point = JsonSerializer.Deserialize<PointJson>(ref reader, options) ?? throw new JsonException("A point is missing.");
            return point.State == PointState.Value
                ? SeriesPoint.Of(point.Label, point.Value ?? throw new JsonException("A value point has no value."), point.Interval, point.Reason)
                : SeriesPoint.WithoutValue(point.Label, point.State, point.Reason);
        }

        public override void Write(Utf8JsonWriter writer, SeriesPoint value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, new PointJson(value.Label, value.State, value.Value, value.Interval, value.Reason), options);

        private sealed record PointJson(string Label, PointState State, double? Value, Interval? Interval, string? Reason);
    }
}
