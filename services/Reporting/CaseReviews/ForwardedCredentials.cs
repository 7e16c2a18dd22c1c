using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Reporting.CaseReviews;

/// <summary>
/// The caller's own credentials, to ask another service on their behalf: the bearer token this service verified and,
/// when the call is for another organisation, the gateway's target header and grant (bound to that token and user).
/// The other service verifies them again and records the read against the same user (ADR 0015).
/// </summary>
internal static class ForwardedCredentials
{
    private static readonly string[] Forwarded = ["authorization", TargetOrganisation.Header, TargetGrant.Header];

    public static Metadata From(ServerCallContext context)
    {
        var metadata = new Metadata();
        foreach (var key in Forwarded)
        {
            if (context.RequestHeaders.GetValue(key) is { Length: > 0 } value)
            {
                metadata.Add(key, value);
            }
        }

        return metadata;
    }
}
