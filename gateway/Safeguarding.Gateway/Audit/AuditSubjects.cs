using Microsoft.Extensions.Options;
using Safeguarding.Gateway.Auth;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Audit;

/// <summary>
/// The key the audit trail pseudonymises subjects with (<see cref="SubjectPseudonyms"/>): Gateway:Audit:SubjectKey,
/// or, on a development deployment, one derived from its development signing key. A production gateway without one
/// does not start: its audit trail could not keep a user's records together without storing their subject.
/// </summary>
internal static class AuditSubjects
{
    public static SubjectPseudonyms Create(AuditOptions audit, AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(auth);
        if (!string.IsNullOrWhiteSpace(audit.SubjectKey))
        {
            return System.Text.Encoding.UTF8.GetByteCount(audit.SubjectKey) >= SubjectPseudonyms.MinimumKeyBytes
                ? SubjectPseudonyms.FromSecret(audit.SubjectKey)
                : throw Invalid($"Gateway:Audit:SubjectKey needs at least {SubjectPseudonyms.MinimumKeyBytes} bytes.");
        }

        return string.IsNullOrWhiteSpace(auth.DevelopmentKey)
            ? throw Invalid("Set Gateway:Audit:SubjectKey (a random secret of at least 32 bytes, kept for the life of the audit trail): audit records pseudonymise subjects with it.")
            : SubjectPseudonyms.DerivedFrom(auth.DevelopmentKey, "audit");
    }

    private static OptionsValidationException Invalid(string message) => new(AuditOptions.Section, typeof(AuditOptions), [message]);
}
