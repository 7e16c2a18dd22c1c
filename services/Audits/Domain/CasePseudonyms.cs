using System.Security.Cryptography;
using System.Text;

namespace Safeguarding.Audits.Domain;

/// <summary>Where each organisation's case-reference key comes from (configuration section <c>Audits</c>).</summary>
public sealed class AuditsOptions
{
    public const string Section = "Audits";

    /// <summary>Organisation code → secret (at least 32 characters). The key never leaves the organisation's deployment.</summary>
    public Dictionary<string, string> CaseReferenceKeys { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Embedded and test deployments only: a secret from which a key per organisation is derived when
    /// <see cref="CaseReferenceKeys"/> has none. Empty in production, where an organisation without a key cannot
    /// reference cases.
    /// </summary>
    public string DevelopmentCaseKey { get; init; } = "";

    /// <summary>
    /// Outside the organisation, counts below this are suppressed (DESIGN §4: default 5); set per partnership like
    /// the gateway's threshold.
    /// </summary>
    public int DisclosureThreshold { get; init; } = 5;
}

/// <summary>
/// Keyed pseudonyms of case references: <c>case:</c> and 24 hex digits of HMAC-SHA256 over the normalised reference
/// (trimmed, upper case, no inner spaces) with the organisation's own key. The same case gives the same pseudonym
/// within an organisation and a different one elsewhere; without the key nobody can tell which case it is. The
/// reference itself is never stored, logged or sent.
/// </summary>
public sealed class CasePseudonyms(AuditsOptions options)
{
    public const string Prefix = "case:";

    private const int MinimumKeyLength = 32;

    public string For(string organisationCode, string caseReference)
    {
        ArgumentNullException.ThrowIfNull(organisationCode);
        ArgumentNullException.ThrowIfNull(caseReference);
        var key = KeyFor(organisationCode) ?? throw new AuditStateException(
            "CASE_KEY_MISSING", organisationCode, "No case-reference key is configured for this organisation (Audits:CaseReferenceKeys); cases cannot be referenced.");
        var normalised = new string([.. caseReference.Trim().ToUpperInvariant().Where(c => !char.IsWhiteSpace(c))]);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalised)))[..24];
    }

    /// <summary>Checks a case reference as typed (it is hashed, never stored): present and short.</summary>
    public static void CheckReference(string? reference, string field, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            problems.Add(field, "is required (the organisation's own case reference; only its keyed pseudonym is kept)");
        }
        else if (reference.Trim().Length > 64)
        {
            problems.Add(field, "must be at most 64 characters");
        }
    }

    private byte[]? KeyFor(string organisationCode)
    {
        // Configuration keys keep the case they were written in: look the organisation up ignoring it.
        var secret = options.CaseReferenceKeys.FirstOrDefault(kv => string.Equals(kv.Key, organisationCode, StringComparison.OrdinalIgnoreCase)).Value;
        if (secret is { Length: >= MinimumKeyLength })
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        return options.DevelopmentCaseKey.Length >= MinimumKeyLength
            ? HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.DevelopmentCaseKey), Encoding.UTF8.GetBytes("case references: " + organisationCode.ToUpperInvariant()))
            : null;
    }
}
