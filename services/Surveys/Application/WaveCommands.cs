using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguarding.Evidence.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Grpc;
using Safeguarding.Surveys.Domain;
using Safeguarding.Surveys.Domain.Responses;
using Safeguarding.Surveys.Domain.Results;
using Safeguarding.Surveys.Events;
using Safeguarding.Surveys.Events.V1;
using Safeguarding.Surveys.Persistence;

namespace Safeguarding.Surveys.Application;

public enum WaveKind
{
    Unspecified = 0,
    Closure = 1,
    SixMonths = 2,
    TwelveMonths = 3,
    AnnualStaff = 4,
    AdHoc = 5,
}

public enum Anonymity
{
    Unspecified = 0,
    Anonymous = 1,
    Pseudonymous = 2,
}

public sealed record NewWave(
    string QuestionnaireId, int QuestionnaireVersion, WaveKind Kind, string Title, DateTime? OpensAt, DateTime? ClosesAt,
    Anonymity Anonymity, string PeriodCode, int MinimumResponses);

/// <summary>A wave with its counts as they stand.</summary>
public sealed record WaveView(WaveRow Row, int Invitations, int Responses, DateTime Now)
{
    public bool IsClosed => Row.ClosedAt is not null;

    public bool IsOpen => !IsClosed && Now >= Row.OpensAt && Now < Row.ClosesAt;
}

/// <summary>
/// Waves: created on a questionnaire version, invitations issued as one-time codes, responses received against the
/// code and checked against the questionnaire, closed once (results fixed, figures handed to measures). Each
/// command is one transaction with its outbox rows.
/// </summary>
public sealed partial class WaveCommands(
    SurveysDbContext db, QuestionnaireCatalog questionnaires, IEventOutbox outbox, TimeProvider clock,
    IOptions<SurveysOptions> options, FollowUpPseudonyms followUp)
{
    public const int MaxInvitationsPerCall = 5000;

    public async Task<WaveView> CreateAsync(Actor actor, string organisation, NewWave request, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (!System.Enum.IsDefined(request.Kind) || request.Kind == WaveKind.Unspecified)
        {
            problems.Add(new("kind", "is required: closure, six_months, twelve_months, annual_staff or ad_hoc"));
        }

        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
        {
            problems.Add(new("title", "is required (at most 200 characters)"));
        }
        else if (PersonalDetails.Find(request.Title) is { } found)
        {
            problems.Add(new("title", PersonalDetails.Problem(found)));
        }

        if (request.OpensAt is null)
        {
            problems.Add(new("opens_at", "is required"));
        }

        if (request.ClosesAt is null)
        {
            problems.Add(new("closes_at", "is required"));
        }
        else if (request.OpensAt is { } opens && request.ClosesAt <= opens)
        {
            problems.Add(new("closes_at", "must be after opens_at"));
        }

        if (!System.Enum.IsDefined(request.Anonymity) || request.Anonymity == Anonymity.Unspecified)
        {
            problems.Add(new("anonymity", "is required: anonymous or pseudonymous"));
        }

        if (!PeriodCode().IsMatch(request.PeriodCode))
        {
            problems.Add(new("period_code", "must name a reporting period as measures does, e.g. 2025-04/P3M (P1M, P3M, P6M or P12M)"));
        }

        if (request.MinimumResponses is < 0 or > 100)
        {
            problems.Add(new("minimum_responses", "must be from 1 to 100 (0 for the default)"));
        }

        if (string.IsNullOrWhiteSpace(request.QuestionnaireId))
        {
            problems.Add(new("questionnaire_id", "is required"));
        }

        if (problems.Count > 0)
        {
            throw new DomainValidationException(problems);
        }

        var questionnaire = await questionnaires.FindAsync(organisation, request.QuestionnaireId, request.QuestionnaireVersion, ct)
            ?? throw DomainValidationException.One(request.QuestionnaireVersion == 0 ? "questionnaire_id" : "questionnaire_version",
                $"questionnaire '{request.QuestionnaireId}'{(request.QuestionnaireVersion == 0 ? string.Empty : $" version {request.QuestionnaireVersion}")} was not found");
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new WaveRow
        {
            WaveId = "wave-" + Guid.NewGuid().ToString("N")[..20],
            OrganisationCode = organisation,
            QuestionnaireOwner = questionnaire.BuiltIn ? string.Empty : organisation,
            QuestionnaireId = questionnaire.QuestionnaireId,
            QuestionnaireVersion = questionnaire.Version,
            Kind = request.Kind.ToString(),
            Title = request.Title.Trim(),
            OpensAt = request.OpensAt!.Value,
            ClosesAt = request.ClosesAt!.Value,
            Anonymity = request.Anonymity.ToString(),
            PeriodCode = request.PeriodCode,
            MinimumResponses = request.MinimumResponses == 0 ? options.Value.MinimumResponses : request.MinimumResponses,
            CreatedBy = actor.UserId,
            CreatedAt = now,
        };
        db.Waves.Add(row);
        await db.SaveChangesAsync(ct);
        return new WaveView(row, 0, 0, now);
    }

    public async Task<WaveView> GetAsync(Actor actor, string waveId, CancellationToken ct)
    {
        var row = await OwnedWaveAsync(actor, waveId, tracked: false, ct);
        return await ViewAsync(row, ct);
    }

    public async Task<List<WaveView>> ListAsync(string organisation, CancellationToken ct)
    {
        var rows = await db.Waves.AsNoTracking().Where(w => w.OrganisationCode == organisation).ToListAsync(ct);
        var views = new List<WaveView>();
        foreach (var row in rows.OrderByDescending(w => w.CreatedAt))
        {
            views.Add(await ViewAsync(row, ct));
        }

        return views;
    }

    /// <summary>Issues codes: <paramref name="count"/> for an anonymous wave, one per follow-up reference for a pseudonymous one.</summary>
    public async Task<(List<string> Codes, string WaveTitle)> IssueAsync(Actor actor, string waveId, int count, IReadOnlyList<string> references, CancellationToken ct)
    {
        var wave = await OwnedWaveAsync(actor, waveId, tracked: false, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (wave.ClosedAt is not null || now >= wave.ClosesAt)
        {
            throw new PreconditionFailedException("WAVE_CLOSED", waveId, "This wave has closed; invitations can no longer be issued.");
        }

        List<string?> pseudonyms;
        if (wave.Anonymity == nameof(Anonymity.Anonymous))
        {
            if (references.Count > 0)
            {
                throw DomainValidationException.One("follow_up_references", "an anonymous wave keeps no link to anyone; issue a count of codes instead");
            }

            if (count is < 1 or > MaxInvitationsPerCall)
            {
                throw DomainValidationException.One("count", $"must be from 1 to {MaxInvitationsPerCall}");
            }

            pseudonyms = [.. Enumerable.Repeat<string?>(null, count)];
        }
        else
        {
            if (count != 0 && count != references.Count)
            {
                throw DomainValidationException.One("count", "a pseudonymous wave issues one code per follow-up reference; leave count at 0");
            }

            if (references.Count is < 1 or > MaxInvitationsPerCall)
            {
                throw DomainValidationException.One("follow_up_references", $"give from 1 to {MaxInvitationsPerCall} references (case pseudonyms such as 'Family 12')");
            }

            var problems = references
                .Select((r, i) => (r, i))
                .Where(x => string.IsNullOrWhiteSpace(x.r) || x.r.Length > 128)
                .Select(x => new Problem($"follow_up_references[{x.i}]", "must be a case pseudonym of 1 to 128 characters"))
                .ToList();
            if (problems.Count > 0)
            {
                throw new DomainValidationException(problems);
            }

            pseudonyms = [.. references.Select(r => (string?)followUp.For(wave.OrganisationCode, r.Trim()))];
        }

        var codes = new List<string>(pseudonyms.Count);
        foreach (var pseudonym in pseudonyms)
        {
            var code = InvitationCodes.New();
            codes.Add(code);
            db.Invitations.Add(new InvitationRow
            {
                CodeHash = InvitationCodes.Hash(InvitationCodes.Normalise(code)!),
                WaveId = wave.WaveId,
                FollowUpPseudonym = pseudonym,
            });
        }

        await db.SaveChangesAsync(ct);
        return (codes, wave.Title);
    }

    /// <summary>The wave and questionnaire a code opens, for the respondent's pages; the same failures as submitting.</summary>
    public async Task<(WaveRow Wave, QuestionnaireDefinition Questionnaire)> OpenAsync(string code, CancellationToken ct)
    {
        var (_, wave) = await RedeemableAsync(code, ct);
        var questionnaire = await questionnaires.GetAsync(wave.QuestionnaireOwner, wave.QuestionnaireId, wave.QuestionnaireVersion, ct);
        return (wave, questionnaire);
    }

    /// <summary>
    /// Receives a response for a code: the code must be unused, its wave open, the answers valid. The code is spent,
    /// the response stored and the wave's count raised in one transaction; an anonymous response keeps nothing that
    /// leads back to the code. <paramref name="organisationCheck"/> holds an API caller to the wave's organisation.
    /// </summary>
    public async Task<(string? ResponseId, DateOnly ReceivedOn)> SubmitAsync(
        string code, IReadOnlyList<SubmittedAnswer> answers, Action<WaveRow>? organisationCheck, CancellationToken ct)
    {
        var (invitation, wave) = await RedeemableAsync(code, ct, organisationCheck);
        var questionnaire = await questionnaires.GetAsync(wave.QuestionnaireOwner, wave.QuestionnaireId, wave.QuestionnaireVersion, ct);
        var accepted = ResponseValidator.Validate(questionnaire, answers);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var anonymous = wave.Anonymity == nameof(Anonymity.Anonymous);
        var responseId = Guid.NewGuid().ToString("N");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Spend the code first: of two submissions with one code exactly one changes the row.
        var spent = await db.Invitations.Where(i => i.CodeHash == invitation.CodeHash && !i.Used).ExecuteUpdateAsync(s => s.SetProperty(i => i.Used, true), ct);
        if (spent == 0)
        {
            throw Used(wave.WaveId);
        }

        // The wave must still be open when the response is stored. On PostgreSQL a shared lock on its row lets
        // submissions run side by side while a close (which updates the row) waits for them, and they for it;
        // SQLite runs one writer at a time anyway.
        var stillOpen = db.Database.IsNpgsql()
            ? db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\" FROM waves WHERE wave_id = {wave.WaveId} AND closed_at IS NULL FOR SHARE")
            : db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\" FROM waves WHERE wave_id = {wave.WaveId} AND closed_at IS NULL");
        if (!await stillOpen.AnyAsync(ct))
        {
            throw Closed(wave.WaveId);
        }

        db.Responses.Add(new ResponseRow
        {
            ResponseId = responseId,
            WaveId = wave.WaveId,
            ReceivedOn = today,
            FollowUpPseudonym = anonymous ? null : invitation.FollowUpPseudonym,
            Answers = JsonSerializer.Serialize(accepted.Values),
        });
        await db.SaveChangesAsync(ct);
        await db.Drafts.Where(d => d.CodeHash == invitation.CodeHash).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return (anonymous ? null : responseId, today);
    }

    /// <summary>
    /// Closes the wave: its results are fixed, <c>SurveyWaveClosed</c> is published, and every linked question's
    /// figure goes to measures as <c>EvidenceFiguresProduced</c> — all in the transaction that closes it.
    /// </summary>
    public async Task<WaveView> CloseAsync(Actor actor, string waveId, CancellationToken ct)
    {
        var wave = await OwnedWaveAsync(actor, waveId, tracked: true, ct);
        if (wave.ClosedAt is not null)
        {
            throw new PreconditionFailedException("WAVE_CLOSED", waveId, "This wave is already closed.");
        }

        var questionnaire = await questionnaires.GetAsync(wave.QuestionnaireOwner, wave.QuestionnaireId, wave.QuestionnaireVersion, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Take the wave's row first: a submission in flight (holding it shared) finishes before the count, and none
        // starts until the close commits (SQLite: this takes the one writer's lock before anything is read).
        await db.Waves.Where(w => w.WaveId == waveId).ExecuteUpdateAsync(s => s.SetProperty(w => w.Title, w => w.Title), ct);
        var invitations = await db.Invitations.CountAsync(i => i.WaveId == waveId, ct);
        var answers = await LoadAnswersAsync(waveId, ct);
        wave.ClosedAt = now;
        wave.ClosedBy = actor.UserId;
        wave.InvitationsIssued = invitations;
        wave.Responses = answers.Count;

        var results = WaveResultsCalculator.Calculate(questionnaire, answers, invitations, wave.MinimumResponses, controlled: false);
        outbox.Add(db, SurveysTopics.WaveClosed, new SurveyWaveClosed
        {
            WaveId = wave.WaveId,
            OrganisationCode = wave.OrganisationCode,
            QuestionnaireId = wave.QuestionnaireId,
            QuestionnaireVersion = wave.QuestionnaireVersion,
            Kind = (V1.WaveKind)(int)System.Enum.Parse<WaveKind>(wave.Kind),
            PeriodCode = wave.PeriodCode,
            InvitationsIssued = invitations,
            Responses = answers.Count,
            ClosedAt = Timestamp.FromDateTime(now),
            ClosedBy = actor.UserId,
        }, wave.OrganisationCode);

        var figures = results.Questions.Where(q => q.MeasureId.Length > 0 && q.Positive is { Denominator: > 0 }).ToList();
        if (figures.Count > 0)
        {
            var produced = new EvidenceFiguresProduced
            {
                PublicationId = Guid.NewGuid().ToString(),
                Kind = Measures.V1.ProvenanceKind.Survey,
                Reference = wave.WaveId,
                OrganisationCode = wave.OrganisationCode,
                Period = new Measures.V1.Period { Code = wave.PeriodCode },
                UserId = actor.UserId,
                ProducedAt = Timestamp.FromDateTime(now),
            };
            // Two questions may feed one measure (a form asking it twice): their answers add up.
            foreach (var measure in figures.GroupBy(q => q.MeasureId, StringComparer.Ordinal))
            {
                produced.Figures.Add(new EvidenceFigure
                {
                    MeasureId = measure.Key,
                    Breakdown = new Measures.V1.Breakdown(),
                    Numerator = measure.Sum(q => q.Positive!.Numerator).ToString(CultureInfo.InvariantCulture),
                    Denominator = measure.Sum(q => q.Positive!.Denominator).ToString(CultureInfo.InvariantCulture),
                });
            }

            outbox.Add(db, SurveysTopics.EvidenceFiguresProduced, produced, wave.OrganisationCode);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PreconditionFailedException("WAVE_CLOSED", waveId, "This wave was closed by someone else at the same moment.");
        }

        await transaction.CommitAsync(ct);
        return new WaveView(wave, invitations, answers.Count, now);
    }

    /// <summary>Results: every count inside the wave's organisation; outside it, suppressed below the wave's minimum.</summary>
    public async Task<(WaveRow Wave, WaveResultsView Results)> ResultsAsync(Actor actor, string waveId, CancellationToken ct)
    {
        var wave = await OwnedWaveAsync(actor, waveId, tracked: false, ct);
        var questionnaire = await questionnaires.GetAsync(wave.QuestionnaireOwner, wave.QuestionnaireId, wave.QuestionnaireVersion, ct);
        var invitations = await db.Invitations.CountAsync(i => i.WaveId == waveId, ct);
        var answers = await LoadAnswersAsync(waveId, ct);
        return (wave, WaveResultsCalculator.Calculate(questionnaire, answers, invitations, wave.MinimumResponses, controlled: !actor.IsInside(wave.OrganisationCode)));
    }

    /// <summary>Of the given follow-up references, those whose invitation in this (pseudonymous) wave is not used yet.</summary>
    public async Task<List<string>> UnansweredAsync(Actor actor, string waveId, IReadOnlyList<string> references, CancellationToken ct)
    {
        var wave = await OwnedWaveAsync(actor, waveId, tracked: false, ct);
        if (wave.Anonymity == nameof(Anonymity.Anonymous))
        {
            throw new PreconditionFailedException("ANONYMOUS_WAVE", waveId, "An anonymous wave keeps no link to anyone; it can say only how many codes are unused.");
        }

        if (references.Count is < 1 or > MaxInvitationsPerCall)
        {
            throw DomainValidationException.One("follow_up_references", $"give from 1 to {MaxInvitationsPerCall} references");
        }

        var byPseudonym = references.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal)
            .ToDictionary(r => followUp.For(wave.OrganisationCode, r.Trim()), r => r, StringComparer.Ordinal);
        var pseudonyms = byPseudonym.Keys.ToList();
        var open = await db.Invitations.AsNoTracking()
            .Where(i => i.WaveId == waveId && !i.Used && i.FollowUpPseudonym != null && pseudonyms.Contains(i.FollowUpPseudonym))
            .Select(i => i.FollowUpPseudonym!).Distinct().ToListAsync(ct);
        return [.. references.Where(r => open.Contains(followUp.For(wave.OrganisationCode, r.Trim())))];
    }

    /// <summary>The wave's responses as CSV or JSON, for its own organisation only.</summary>
    public async Task<(byte[] Content, string FileName, string ContentType, int Count)> ExportAsync(Actor actor, string waveId, bool json, CancellationToken ct)
    {
        var wave = await OwnedWaveAsync(actor, waveId, tracked: false, ct);
        if (!actor.IsInside(wave.OrganisationCode))
        {
            // Row-level answers stay inside the organisation (DESIGN §4); outside it, results are aggregates.
            throw new ResourceNotFoundException("wave", waveId);
        }

        var questionnaire = await questionnaires.GetAsync(wave.QuestionnaireOwner, wave.QuestionnaireId, wave.QuestionnaireVersion, ct);
        var stored = await db.Responses.AsNoTracking().Where(r => r.WaveId == waveId).ToListAsync(ct);
        var rows = stored.Select(r => new ResponseExport.Row(r.ReceivedOn, r.FollowUpPseudonym, r.ResponseId,
            JsonSerializer.Deserialize<Dictionary<string, List<string>>>(r.Answers)!.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal))).ToList();
        var pseudonymous = wave.Anonymity == nameof(Anonymity.Pseudonymous);
        return json
            ? (ResponseExport.Json(questionnaire, waveId, rows, pseudonymous), $"{waveId}-responses.json", "application/json", rows.Count)
            : (ResponseExport.Csv(questionnaire, rows, pseudonymous), $"{waveId}-responses.csv", "text/csv; charset=utf-8", rows.Count);
    }

    private async Task<List<IReadOnlyDictionary<string, IReadOnlyList<string>>>> LoadAnswersAsync(string waveId, CancellationToken ct)
    {
        var stored = await db.Responses.AsNoTracking().Where(r => r.WaveId == waveId).Select(r => r.Answers).ToListAsync(ct);
        return [.. stored.Select(json => (IReadOnlyDictionary<string, IReadOnlyList<string>>)JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json)!
            .ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal))];
    }

    private async Task<(InvitationRow Invitation, WaveRow Wave)> RedeemableAsync(string code, CancellationToken ct, Action<WaveRow>? organisationCheck = null)
    {
        var normalised = InvitationCodes.Normalise(code)
            ?? throw DomainValidationException.One("code", "is not an invitation code: 16 letters and digits, as printed on the invitation");
        var hash = InvitationCodes.Hash(normalised);
        // One round trip for the code and its wave: every respondent page asks this first.
        var found = await db.Invitations.AsNoTracking().Where(i => i.CodeHash == hash)
            .Join(db.Waves.AsNoTracking(), i => i.WaveId, w => w.WaveId, (i, w) => new { Invitation = i, Wave = w })
            .FirstOrDefaultAsync(ct)
            ?? throw new ResourceNotFoundException("invitation", "code");
        var (invitation, wave) = (found.Invitation, found.Wave);
        organisationCheck?.Invoke(wave); // another organisation's code is not found, whatever its state
        var now = clock.GetUtcNow().UtcDateTime;
        if (invitation.Used)
        {
            throw Used(wave.WaveId);
        }

        if (wave.ClosedAt is not null || now >= Utc(wave.ClosesAt))
        {
            throw Closed(wave.WaveId);
        }

        if (now < Utc(wave.OpensAt))
        {
            throw new PreconditionFailedException("WAVE_NOT_OPEN", wave.WaveId, $"This survey opens on {Utc(wave.OpensAt):d MMMM yyyy}.");
        }

        return (invitation, wave);
    }

    private static PreconditionFailedException Used(string waveId) =>
        new("INVITATION_USED", waveId, "This invitation has already been used to answer the survey. Each link works once.");

    private static PreconditionFailedException Closed(string waveId) =>
        new("WAVE_CLOSED", waveId, "This survey has closed, so answers can no longer be sent.");

    private async Task<WaveRow> OwnedWaveAsync(Actor actor, string waveId, bool tracked, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(waveId))
        {
            throw DomainValidationException.One("wave_id", "is required");
        }

        var query = tracked ? db.Waves : db.Waves.AsNoTracking();
        var wave = await query.FirstOrDefaultAsync(w => w.WaveId == waveId, ct);
        actor.Target.RequireOwner("wave", waveId, wave?.OrganisationCode);
        return wave!;
    }

    // An open wave's counts are counted (no shared counter row for every submission to queue on); a closed
    // wave's were fixed when it closed.
    private async Task<WaveView> ViewAsync(WaveRow row, CancellationToken ct)
    {
        if (row.ClosedAt is not null)
        {
            return new WaveView(row, row.InvitationsIssued, row.Responses, clock.GetUtcNow().UtcDateTime);
        }

        var invitations = await db.Invitations.CountAsync(i => i.WaveId == row.WaveId, ct);
        var responses = await db.Responses.CountAsync(r => r.WaveId == row.WaveId, ct);
        return new WaveView(row, invitations, responses, clock.GetUtcNow().UtcDateTime);
    }

    internal static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])/P(1|3|6|12)M$")]
    private static partial Regex PeriodCode();
}
