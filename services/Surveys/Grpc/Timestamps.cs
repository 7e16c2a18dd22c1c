using Google.Protobuf.WellKnownTypes;

namespace Safeguarding.Surveys.Grpc;

internal static class Timestamps
{
    public static Timestamp From(DateTime value) => Timestamp.FromDateTime(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static Timestamp? From(DateTime? value) => value is { } v ? From(v) : null;
}
