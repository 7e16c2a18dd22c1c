using System.Collections.Frozen;

namespace Safeguarding.Measures.Grpc.Mapping;

/// <summary>
/// Maps a domain enum to the proto enum of the same vocabulary by member name (protoc turns
/// MEASURE_UNIT_RATE_PER_10000 into RatePer10000, the domain's name), so the two cannot drift
/// silently: a domain member missing from the proto fails at first use, and a test touches them all.
/// </summary>
internal static class EnumMap<TProto, TDomain>
    where TProto : struct, Enum
    where TDomain : struct, Enum
{
    private static readonly FrozenDictionary<TDomain, TProto> ByDomain =
        Enum.GetValues<TDomain>().ToFrozenDictionary(d => d, d => Enum.Parse<TProto>(d.ToString()));

    private static readonly FrozenDictionary<TProto, TDomain> ByProto =
        ByDomain.ToFrozenDictionary(p => p.Value, p => p.Key);

    public static TProto ToProto(TDomain value) => ByDomain[value];

    /// <summary>The domain value, or null for UNSPECIFIED and values this build does not know.</summary>
    public static TDomain? ToDomain(TProto value) => ByProto.TryGetValue(value, out var domain) ? domain : null;
}
