namespace Safeguarding.Reporting.Documents;

/// <summary>
/// A short, de-identified quote. Only the kind of person who said it is kept — no name, age, place or case reference.
/// </summary>
public sealed record Voice
{
    /// <summary>Quotes are meant to be short; long free text is where identifying detail creeps in.</summary>
    public const int MaxQuoteLength = 600;

    public Voice(string quote, VoiceSource source, string? contentAreaId = null, string? attribution = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(quote);
        if (quote.Length > MaxQuoteLength)
        {
            throw new ArgumentException($"A voice quote must be at most {MaxQuoteLength} characters.", nameof(quote));
        }

        Quote = quote;
        Source = source;
        ContentAreaId = contentAreaId;
        Attribution = string.IsNullOrWhiteSpace(attribution) ? null : attribution.Trim();
    }

    public string Quote { get; }

    public VoiceSource Source { get; }

    /// <summary>The content area the quote speaks to, if any.</summary>
    public string? ContentAreaId { get; }

    /// <summary>
    /// Who said it, by role and age band only, as the surveys service attributed an approved story ("a young person
    /// aged 13–15"); null for a voice entered as narrative, which is attributed by <see cref="Source"/>.
    /// </summary>
    public string? Attribution { get; }
}

public enum VoiceSource
{
    Child,
    ParentOrCarer,
    FrontlineStaff,
    PartnerProfessional,
}
