namespace Safeguarding.Gateway.Caching;

/// <summary>
/// The cache of area-wide and London-wide answers (section "Gateway:AreaCache"). Answers are kept after disclosure
/// control, per caller's visibility, until the measures events say figures changed or <see cref="Expiry"/> passes —
/// the bound on staleness for instances whose events the gateway does not receive (agencies' own brokers).
/// </summary>
public sealed class AreaCacheOptions
{
    public const string Section = "Gateway:AreaCache";

    /// <summary>The measures events that drop every cached answer.</summary>
    public static readonly string[] DefaultInvalidatingTopics =
    [
        "measures.measure-defined.v1",
        "measures.measure-versioned.v1",
        "measures.measure-revised.v1",
        "measures.measure-retired.v1",
        "measures.observation-recorded.v1",
        "measures.observation-batch-recorded.v1",
        "measures.observation-superseded.v1",
        "measures.observations-imported.v1",
    ];

    public bool Enabled { get; set; } = true;

    /// <summary>How long an answer may be served at most.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Topics whose events drop every cached answer; empty takes <see cref="DefaultInvalidatingTopics"/>.</summary>
    public List<string> InvalidatingTopics { get; set; } = [];

    public IReadOnlyList<string> Topics => InvalidatingTopics.Count > 0 ? InvalidatingTopics : DefaultInvalidatingTopics;
}
