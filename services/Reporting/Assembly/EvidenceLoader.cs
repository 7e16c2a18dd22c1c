using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.V1;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.V1;
using Voice = Safeguarding.Reporting.Documents.Voice;
using VoiceSource = Safeguarding.Reporting.Documents.VoiceSource;

namespace Safeguarding.Reporting.Assembly;

/// <summary>
/// Reads what one report needs from the read models (never another service's database) and the narrative:
/// the organisation's own figures (or, for a partnership without its own, its members' combined), the
/// comparators' figures for the same measure versions, content areas, narrative and evidence items.
/// </summary>
internal sealed class EvidenceLoader(ReportingDbContext db, ProfileStore profiles, NarrativeStore narrative, Returns.ReturnGate returns)
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public async Task<EvidenceSet> LoadAsync(string organisationCode, PeriodSpan window, int trendMonths, CancellationToken cancellationToken)
    {
        var profile = (await profiles.FindAllAsync([organisationCode], cancellationToken)).GetValueOrDefault(organisationCode)
            ?? new ReportingProfile { OrganisationCode = organisationCode, Name = organisationCode, Kind = V1.OrganisationKind.Agency };
        var chain = await ParentChainAsync(profile, cancellationToken);
        var comparators = await ComparatorsAsync(profile, chain, cancellationToken);
        var trendStart = window.Start.AddMonths(window.Months - Math.Max(trendMonths, window.Months));

        var own = await RowsAsync([organisationCode], null, trendStart, window.End, totalsOnly: false, cancellationToken);
        var members = profile.Kind == V1.OrganisationKind.Agency ? [] : await profiles.MembersAsync(organisationCode, cancellationToken);
        // Another organisation's figures under a dataset show only once its return is in a state this one may see.
        var gatedMembers = await returns.ApplyAsync(profile, members.Count == 0
            ? []
            : await RowsAsync(members.Select(m => m.OrganisationCode).ToList(), null, trendStart, window.End, totalsOnly: true, cancellationToken), cancellationToken);
        var memberRows = gatedMembers.Rows;

        // Each measure at the newest version this organisation (or its members) has figures for.
        var versions = NewestVersions(own);
        foreach (var (measureId, version) in NewestVersions(memberRows))
        {
            versions.TryAdd(measureId, version);
        }

        var measureIds = versions.Keys.ToList();
        var catalogue = (await db.MeasureVersions.AsNoTracking().Where(m => measureIds.Contains(m.MeasureId)).ToListAsync(cancellationToken))
            .Where(m => versions[m.MeasureId] == m.Version).ToDictionary(m => m.MeasureId, StringComparer.Ordinal);
        var retired = (await db.MeasureRetirements.AsNoTracking().Where(m => measureIds.Contains(m.MeasureId)).ToListAsync(cancellationToken))
            .Where(r => versions[r.MeasureId] == r.Version).Select(r => r.MeasureId).ToHashSet(StringComparer.Ordinal);
        var gatedOthers = await returns.ApplyAsync(profile, await RowsAsync(comparators.Select(c => c.Code).ToList(), measureIds, trendStart, window.End, totalsOnly: true, cancellationToken), cancellationToken);
        var others = gatedOthers.Rows
            .Where(r => versions.GetValueOrDefault(r.MeasureId) == r.MeasureVersion)
            .GroupBy(r => r.MeasureId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // Grouped once: a book has 150 measures over thousands of rows, so filtering the rows per measure was quadratic.
        var ownByMeasure = own.ToLookup(r => (r.MeasureId, r.MeasureVersion));
        var membersByMeasure = memberRows.ToLookup(r => (r.MeasureId, r.MeasureVersion));
        var memberCodes = members.Select(m => m.OrganisationCode).ToList();
        var measures = new List<MeasureInput>();
        foreach (var (measureId, version) in versions.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (!catalogue.TryGetValue(measureId, out var meta))
            {
                continue; // Figures arrived before the measure's definition: shown once the definition arrives.
            }

            var figures = ownByMeasure[(measureId, version)].ToList();
            if (!figures.Exists(r => r.BreakdownKey.Length == 0))
            {
                figures.AddRange(MemberAggregation.Combine(organisationCode, memberCodes, [.. membersByMeasure[(measureId, version)]], DocumentEnums.Unit(meta.Unit)));
            }

            var byComparator = others.GetValueOrDefault(measureId, []).GroupBy(r => r.OrganisationCode, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<ObservationRow>)g.ToList(), StringComparer.Ordinal);
            measures.Add(new MeasureInput(meta, retired.Contains(measureId), figures, byComparator));
        }

        return new EvidenceSet
        {
            Profile = profile,
            Organisation = new OrganisationRef(organisationCode, profile.Name, DocumentEnums.Organisation(profile.Kind)),
            Window = window,
            TrendStart = trendStart,
            Comparators = comparators,
            Measures = measures,
            ContentAreas = await ContentAreasAsync(organisationCode, chain, measures, cancellationToken),
            Narrative = await narrative.WithinAsync(organisationCode, window, cancellationToken),
            Actions = await narrative.ActionsUpToAsync(organisationCode, window, cancellationToken),
            Stories = await StoriesAsync(organisationCode, profile.Kind, members, window, cancellationToken),
            Members = members,
            MemberFigures = memberRows,
            HeldBack = [.. gatedMembers.HeldBack.Concat(gatedOthers.HeldBack).DistinctBy(h => (h.OrganisationCode, h.Period.Code))
                .OrderBy(h => h.Period.Start).ThenBy(h => h.OrganisationName, StringComparer.Ordinal)],
            EvidenceItems = await db.EvidenceItems.AsNoTracking().Where(e => e.OrganisationCode == organisationCode)
                .OrderBy(e => e.Key).ToListAsync(cancellationToken),
        };
    }

    /// <summary>
    /// Approved stories published since the window opened (voices are quoted as they stand when the report is made):
    /// the organisation's own at every consent level, and for a partnership its agencies' given for the partnership or
    /// the public. The region quotes its own only: its partnerships' come from the gateway, and only those a
    /// partnership chose to share with it (Region/AreaSharedVoices). Attributed by role and age band only.
    /// </summary>
    private async Task<IReadOnlyList<Voice>> StoriesAsync(
        string organisationCode, V1.OrganisationKind kind, IReadOnlyList<ReportingProfile> members, PeriodSpan window, CancellationToken cancellationToken)
    {
        var since = window.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var memberCodes = kind == V1.OrganisationKind.Region ? [] : members.Select(m => m.OrganisationCode).ToList();
        var lowest = (int)(kind == V1.OrganisationKind.Partnership ? StoryConsent.Partnership : StoryConsent.Public);
        var rows = await db.Stories.AsNoTracking()
            .Where(s => s.PublishedAt >= since
                && (s.OrganisationCode == organisationCode || (memberCodes.Contains(s.OrganisationCode) && s.Consent >= lowest)))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(s => s.PublishedAt).ThenBy(s => s.StoryId, StringComparer.Ordinal)
            .Select(s => new Voice(s.Quote, SourceOf(s.Attribution), s.ContentAreaId, s.Attribution))];
    }

    internal static VoiceSource SourceOf(string attribution) => attribution switch
    {
        _ when attribution.StartsWith("a child", StringComparison.Ordinal) || attribution.StartsWith("a young person", StringComparison.Ordinal) => VoiceSource.Child,
        _ when attribution.StartsWith("a parent", StringComparison.Ordinal) => VoiceSource.ParentOrCarer,
        _ when attribution.Contains("frontline", StringComparison.Ordinal) => VoiceSource.FrontlineStaff,
        _ => VoiceSource.PartnerProfessional,
    };

    private static Dictionary<string, int> NewestVersions(IEnumerable<ObservationRow> rows) =>
        rows.GroupBy(r => r.MeasureId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(r => r.MeasureVersion), StringComparer.Ordinal);

    private async Task<List<ObservationRow>> RowsAsync(
        List<string> organisations, List<string>? measureIds, DateOnly from, DateOnly to, bool totalsOnly, CancellationToken cancellationToken)
    {
        if (organisations.Count == 0)
        {
            return [];
        }

        var query = db.Observations.AsNoTracking().Where(r => organisations.Contains(r.OrganisationCode) && r.PeriodStart >= from && r.PeriodStart <= to);
        if (measureIds is not null)
        {
            query = query.Where(r => measureIds.Contains(r.MeasureId));
        }

        if (totalsOnly)
        {
            query = query.Where(r => r.BreakdownKey == "");
        }

        var rows = await query.Select(ObservationRow.ForReports).ToListAsync(cancellationToken);
        rows.RemoveAll(r => r.PeriodEnd > to);
        rows.Sort(InReadingOrder);
        return rows;
    }

    // Organisation, measure and version, period (start, then length), breakdown: a total order (List.Sort is not stable),
    // ordinal so every database gives the same report.
    private static int InReadingOrder(ObservationRow a, ObservationRow b)
    {
        var order = string.CompareOrdinal(a.OrganisationCode, b.OrganisationCode);
        order = order != 0 ? order : string.CompareOrdinal(a.MeasureId, b.MeasureId);
        order = order != 0 ? order : a.MeasureVersion.CompareTo(b.MeasureVersion);
        order = order != 0 ? order : a.PeriodStart.CompareTo(b.PeriodStart);
        order = order != 0 ? order : a.PeriodMonths.CompareTo(b.PeriodMonths);
        return order != 0 ? order : string.CompareOrdinal(a.BreakdownKey, b.BreakdownKey);
    }

    private async Task<List<ReportingProfile>> ParentChainAsync(ReportingProfile profile, CancellationToken cancellationToken)
    {
        var chain = new List<ReportingProfile>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { profile.OrganisationCode };
        for (var code = profile.ParentCode; code.Length > 0 && seen.Add(code) && chain.Count < 5;)
        {
            var found = (await profiles.FindAllAsync([code], cancellationToken)).GetValueOrDefault(code)
                ?? Unregistered(code, chain.Count == 0 ? profile.Kind : chain[^1].Kind);
            chain.Add(found);
            code = found.ParentCode;
        }

        return chain;
    }

    // A parent without a profile is taken to be one level up: an agency's partnership, a partnership's region.
    private static ReportingProfile Unregistered(string code, V1.OrganisationKind childKind) => new()
    {
        OrganisationCode = code,
        Name = code,
        Kind = childKind == V1.OrganisationKind.Agency ? V1.OrganisationKind.Partnership : V1.OrganisationKind.Region,
    };

    private async Task<List<ComparatorOrg>> ComparatorsAsync(ReportingProfile profile, List<ReportingProfile> chain, CancellationToken cancellationToken)
    {
        var chosen = profile.ComparatorCodes.Where(c => c != profile.OrganisationCode && chain.TrueForAll(p => p.OrganisationCode != c))
            .Distinct(StringComparer.Ordinal).ToList();
        var known = await profiles.FindAllAsync(chosen, cancellationToken);
        return
        [
            .. chain.Select(p => new ComparatorOrg(p.OrganisationCode, p.Name, DocumentEnums.Comparator(p.Kind))),
            .. chosen.Select(c => known.TryGetValue(c, out var p)
                ? new ComparatorOrg(c, p.Name, DocumentEnums.Comparator(p.Kind))
                : new ComparatorOrg(c, c, ComparatorKind.Organisation)),
        ];
    }

    // An area is described by the organisation itself, else its partnership or region, else the measure's owner.
    private async Task<IReadOnlyDictionary<string, ContentArea>> ContentAreasAsync(
        string organisationCode, List<ReportingProfile> chain, List<MeasureInput> measures, CancellationToken cancellationToken)
    {
        var order = new List<string> { organisationCode };
        order.AddRange(chain.Select(p => p.OrganisationCode));
        order.AddRange(measures.Select(m => m.Meta.OwnerOrganisationCode).Where(c => c.Length > 0).Order(StringComparer.Ordinal));
        order = order.Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.ContentAreas.AsNoTracking().Where(a => order.Contains(a.OrganisationCode)).ToListAsync(cancellationToken);
        var wanted = measures.Select(m => m.Meta.ContentAreaId).ToHashSet(StringComparer.Ordinal);
        wanted.UnionWith(rows.Where(r => r.OrganisationCode == organisationCode && !r.Retired).Select(r => r.ContentAreaId));

        var areas = new Dictionary<string, ContentArea>(StringComparer.Ordinal);
        foreach (var row in rows.OrderBy(r => order.IndexOf(r.OrganisationCode)))
        {
            if (wanted.Contains(row.ContentAreaId) && !areas.ContainsKey(row.ContentAreaId))
            {
                areas[row.ContentAreaId] = Parser.Parse<ContentArea>(row.Body);
            }
        }

        return areas;
    }
}
