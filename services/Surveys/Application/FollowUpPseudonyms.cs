using Microsoft.Extensions.Options;
using Safeguarding.Platform.Grpc;
using Safeguarding.Surveys.Domain;

namespace Safeguarding.Surveys.Application;

/// <summary>
/// Keyed pseudonyms for pseudonymous follow-up: the same organisation and case reference (itself a case pseudonym)
/// always give the same value, so a family's closure answers meet their 6-month answers, while the reference is
/// never stored and only the key's holder could test a guess.
/// </summary>
public sealed class FollowUpPseudonyms
{
    private readonly SubjectPseudonyms? _pseudonyms;

    public FollowUpPseudonyms(IOptions<SurveysOptions> options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (options.Value.FollowUpKey is { Length: >= SubjectPseudonyms.MinimumKeyBytes } key)
        {
            _pseudonyms = SubjectPseudonyms.FromSecret(key);
        }
        else if (configuration[$"{ServiceAuthOptions.Section}:DevelopmentKey"] is { Length: > 0 } development)
        {
            _pseudonyms = SubjectPseudonyms.DerivedFrom(development, "survey follow-up");
        }
    }

    public string For(string organisation, string reference) =>
        (_pseudonyms ?? throw new PreconditionFailedException("NO_FOLLOW_UP_KEY", "Surveys:FollowUpKey",
            "Pseudonymous waves need Surveys:FollowUpKey (at least 32 characters) in this service's settings."))
        .Pseudonym(organisation.ToUpperInvariant() + "|" + reference);
}
