using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.V1;
using Sampling = Safeguarding.Measures.V1.Sampling;

namespace Safeguarding.Reporting.Actions;

/// <summary>
/// Puts "did it move?" beside every action that names a measure, from the observation read model: the owner's
/// own figures of the measure's newest version, else its partnership's (a partnership measure moved by an agency's action).
/// </summary>
internal sealed class MovementReader(ReportingDbContext db, IOptions<ReportingOptions> options, Returns.ReturnGate returns, Narrative.ProfileStore profiles)
{
    public Task FillAsync(IReadOnlyCollection<RegisterAction> actions, CancellationToken cancellationToken) => FillAsync(actions, null, cancellationToken);

    /// <param name="viewer">The organisation whose report shows the actions: another organisation's figures under a dataset
    /// count only once its return is in a state the viewer may see (ADR 0024), as they do on the report's charts.</param>
    public async Task FillAsync(IReadOnlyCollection<RegisterAction> actions, string? viewer, CancellationToken cancellationToken)
    {
        var measured = actions.Where(a => a.MeasureId.Length > 0).ToList();
        foreach (var action in actions.Where(a => a.MeasureId.Length == 0))
        {
            action.Movement = new MeasureMovement { Verdict = MovementVerdict.NoMeasure };
        }

        if (measured.Count == 0)
        {
            return;
        }

        var measureIds = measured.Select(a => a.MeasureId).Distinct(StringComparer.Ordinal).ToList();
        var organisations = measured.SelectMany(a => new[] { a.OrganisationCode, a.PartnershipCode }).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var catalogue = (await db.MeasureVersions.AsNoTracking().Where(m => measureIds.Contains(m.MeasureId)).ToListAsync(cancellationToken))
            .GroupBy(m => m.MeasureId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        IReadOnlyList<ReadModels.ObservationRow> figures = await db.Observations.AsNoTracking()
            .Where(r => measureIds.Contains(r.MeasureId) && organisations.Contains(r.OrganisationCode) && r.BreakdownKey == "")
            .ToListAsync(cancellationToken);
        if (viewer is not null)
        {
            var profile = (await profiles.FindAllAsync([viewer], cancellationToken)).GetValueOrDefault(viewer)
                ?? new ReportingProfile { OrganisationCode = viewer, Kind = OrganisationKind.Agency };
            figures = (await returns.ApplyAsync(profile, figures, cancellationToken)).Rows;
        }

        var rows = figures
            .GroupBy(r => (r.OrganisationCode, r.MeasureId)).ToDictionary(g => g.Key, g => g.ToList());
        var judge = new ActionMovement(new Exploration(options.Value.Exploration, options.Value.DisclosureThreshold));

        foreach (var action in measured)
        {
            var own = rows.GetValueOrDefault((action.OrganisationCode, action.MeasureId))
                ?? rows.GetValueOrDefault((action.PartnershipCode, action.MeasureId)) ?? [];
            var version = own.Count > 0 ? own.Max(r => r.MeasureVersion) : 0;
            var meta = catalogue.GetValueOrDefault(action.MeasureId)?.Where(m => version == 0 || m.Version == version).MaxBy(m => m.Version);
            if (meta is null)
            {
                action.Movement = new MeasureMovement { Verdict = MovementVerdict.NoBaseline, Text = "The measure is not known to reporting yet, so there is nothing to compare with." };
                continue;
            }

            var facts = new MeasureFacts(meta.MeasureId, meta.Title, DocumentEnums.Unit(meta.Unit), DocumentEnums.Polarity(meta.Polarity), meta.Sampling == Sampling.Sample);
            action.Movement = judge.Judge(facts, own.Where(r => r.MeasureVersion == meta.Version), Date(action.AgreedOn), action.CompletedOn.Length > 0 ? Date(action.CompletedOn) : null);
        }
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
