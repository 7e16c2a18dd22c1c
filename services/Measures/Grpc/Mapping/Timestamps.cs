using Google.Protobuf.WellKnownTypes;

namespace Safeguarding.Measures.Grpc.Mapping;

internal static class Timestamps
{
    public static Timestamp From(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static Timestamp From(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);
}
