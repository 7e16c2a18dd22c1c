using Grpc.Core;
using Safeguarding.EndToEnd.Tests.Support;
using Safeguarding.Gateway.Auth;
using Safeguarding.Measures.V1;
using Safeguarding.Reporting.V1;

namespace Safeguarding.EndToEnd.Tests.Scenarios.Writes;

/// <summary>
/// An attempt by another organisation's user to change the owner's data. It is given the organisation the call
/// is sent for (the caller's own, or the owner's), so it can name that one in the body while it addresses the
/// owner's record by id.
/// </summary>
public delegate Task WriteAttempt(string actingFor, CallOptions options);

/// <summary>
/// What one write RPC is tried with: the attempts on a record the owner has just set up (or naming the owner), and
/// the owner's own write of the same kind, which must succeed (so a refusal is about the organisation, not a bad
/// request). <paramref name="AlsoRefusedAs"/> lists statuses besides NOT_FOUND and PERMISSION_DENIED that an attempt
/// may end with because it changes nothing (defining a measure id that exists: ALREADY_EXISTS).
/// </summary>
public sealed record WriteProbe(IReadOnlyList<WriteAttempt> Attempts, Func<CallOptions, Task> Control, params StatusCode[] AlsoRefusedAs)
{
    /// <summary>
    /// The organisations whose write this is on the owner's record, when it is not the owner's alone (a return is
    /// approved by the partnership above it, accepted by the region, validated by itself and those above it): the
    /// first makes the control write, and every other organisation, the owner too, makes the attempts.
    /// </summary>
    public IReadOnlyList<string>? Entitled { get; init; }
}

/// <summary>One write RPC ("package.Service/Method") and how to probe it for an owner organisation.</summary>
public sealed record WriteCase(string Rpc, Func<string, Task<WriteProbe>> PrepareAsync, bool RoutedByGateway = true);

/// <summary>Calls through the gateway for the write cases: tokens with every role that writes, and the services' clients.</summary>
public sealed class WriteCalls(TestPlatform platform)
{
    /// <summary>Every role that may write some organisation's data, plus the region's, so any refusal is about the organisation.</summary>
    private static readonly string[] WritingRoles = [.. Roles.DataRoles, Roles.RegionAnalyst];

    public TestPlatform Platform { get; } = platform;

    /// <summary>The measures API through the gateway (read when a probe runs, so cases can be listed without a platform).</summary>
    public MeasuresService.MeasuresServiceClient Measures => Platform.Measures;

    /// <summary>The reporting API through the gateway (read when a probe runs).</summary>
    public ReportingService.ReportingServiceClient Reporting => Platform.Reporting;

    /// <summary>A user of <paramref name="organisation"/> with every writing role, acting for <paramref name="target"/> (default: its own).</summary>
    public static CallOptions As(string organisation, string? target = null) => AsUser(organisation + "-writer", organisation, target);

    /// <summary>
    /// Another user of <paramref name="organisation"/> with every writing role (a second person: a moderator or a
    /// story's reviewer is never the one who wrote it), acting for its own organisation.
    /// </summary>
    public static CallOptions AsColleague(string organisation) => AsUser(organisation + "-colleague", organisation, target: null);

    private static CallOptions AsUser(string user, string organisation, string? target) =>
        TestPlatform.As(TestPlatform.Token(user, organisation, WritingRoles), target, TimeSpan.FromSeconds(60));

    /// <summary>A new id: letters only, since a run of digits in a free-text field reads as an identifying number.</summary>
    public static string Fresh(string prefix) => prefix + "-" + string.Concat(Guid.NewGuid().ToByteArray()[..8].Select(b => (char)('a' + (b % 26))));
}
