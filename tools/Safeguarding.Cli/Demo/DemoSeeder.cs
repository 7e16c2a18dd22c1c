using Safeguarding.Cli.Connect;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Cli.Demo;

/// <summary>
/// Seeds the demo partnership through the gateway, as each agency's analyst would with their own
/// token: adopt content areas and library measures, record three years of monthly figures, and (as the
/// partnership's analyst) import the published London statistics as comparators.
/// </summary>
internal sealed class DemoSeeder(GatewayConnection gateway, IDemoProgress progress)
{
    private static readonly string[] Analyst = ["analyst"];
    private readonly MeasuresService.MeasuresServiceClient _measures = gateway.Measures;

    public async Task<DemoSeedSummary> SeedAsync(FileInfo? londonFixture, CancellationToken cancellationToken)
    {
        var adopted = new HashSet<(string, string)>();
        var units = new Dictionary<string, MeasureUnit>(StringComparer.Ordinal);
        foreach (var measure in DemoPartnership.Measures)
        {
            if (adopted.Add((measure.Agency, measure.ContentArea)))
            {
                await AdoptAreaAsync(measure.Agency, measure.ContentArea, cancellationToken);
            }

            // The partnership adopts every area its agencies work on, so its Report Book has each
            // area's why-it-matters, good statements and scrutiny questions.
            if (adopted.Add((DemoPartnership.PartnershipCode, measure.ContentArea)))
            {
                await AdoptAreaAsync(DemoPartnership.PartnershipCode, measure.ContentArea, cancellationToken);
            }

            if (!units.ContainsKey(measure.LibraryMeasureId))
            {
                var defined = await DefineAsync(measure, cancellationToken);
                units[measure.LibraryMeasureId] = defined.Definition.Unit;
            }
        }

        progress.Advance(0.1);
        progress.Done($"Adopted content areas {adopted.Count} times (agencies and the partnership) and {units.Count} library measures.");
        var recorded = await RecordFiguresAsync(units, cancellationToken);
        progress.Done($"Recorded {recorded} monthly figures for {DemoPartnership.Agencies.Count} agencies.");
        var import = londonFixture is { Exists: true } ? await ImportLondonAsync(londonFixture, cancellationToken) : null;
        return new DemoSeedSummary(adopted.Count, units.Count, recorded, import);
    }

    private async Task AdoptAreaAsync(string agency, string contentArea, CancellationToken cancellationToken)
    {
        try
        {
            await _measures.AdoptContentAreaAsync(
                new AdoptContentAreaRequest { OrganisationCode = agency, LibraryContentAreaId = contentArea },
                Options(agency, cancellationToken));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            // Seeding again into the same data folder: already adopted.
        }
    }

    private async Task<Measure> DefineAsync(DemoMeasure measure, CancellationToken cancellationToken)
    {
        var options = Options(DemoPartnership.PartnershipCode, cancellationToken);
        try
        {
            return await _measures.DefineMeasureAsync(
                new DefineMeasureRequest { LibraryMeasureId = measure.LibraryMeasureId, Frequency = Frequency.Monthly }, options);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            var existing = await _measures.ListMeasuresAsync(new ListMeasuresRequest { ContentAreaId = measure.ContentArea, PageSize = 500 }, options);
            return existing.Measures.First(m => m.LibraryMeasureId == measure.LibraryMeasureId);
        }
    }

    private async Task<int> RecordFiguresAsync(Dictionary<string, MeasureUnit> units, CancellationToken cancellationToken)
    {
        var ids = await MeasureIdsAsync(cancellationToken);
        var recorded = 0;
        foreach (var measure in DemoPartnership.Measures)
        {
            // One seed per measure and agency: the same figures every run.
            // HashCode.Combine is seeded per process, so it gave different figures every run: a fixed arithmetic seed.
            var random = new Random((measure.Agency.Length * 7919) + (measure.LibraryMeasureId.Length * 131) + measure.LibraryMeasureId[^1]);
            var options = Options(measure.Agency, cancellationToken);
            for (var month = 0; month < DemoPartnership.Months; month++)
            {
                var start = new DateOnly(DemoPartnership.FirstMonth.Year, DemoPartnership.FirstMonth.Month, 1).AddMonths(month);
                await _measures.RecordObservationAsync(
                    new RecordObservationRequest
                    {
                        OrganisationCode = measure.Agency,
                        MeasureId = ids[measure.LibraryMeasureId],
                        Period = new Period { Granularity = PeriodGranularity.Month, StartYear = start.Year, StartMonth = start.Month },
                        Value = DemoFigures.For(measure, units[measure.LibraryMeasureId], month, random),
                        Source = new ObservationSource { Kind = measure.Sample > 0 ? ProvenanceKind.Audit : ProvenanceKind.ManualEntry, Reference = measure.Sample > 0 ? "demo-monthly-audit" : string.Empty },
                    },
                    options);
                recorded++;
                // Recording is most of the step: 10% to 80% of it.
                progress.Advance(0.1 + (0.7 * recorded / (DemoPartnership.Measures.Count * DemoPartnership.Months)));
            }
        }

        return recorded;
    }

    private async Task<Dictionary<string, string>> MeasureIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var request = new ListMeasuresRequest { PageSize = 500 };
        do
        {
            var page = await _measures.ListMeasuresAsync(request, Options(DemoPartnership.PartnershipCode, cancellationToken));
            foreach (var measure in page.Measures.Where(m => m.LibraryMeasureId.Length > 0))
            {
                ids[measure.LibraryMeasureId] = measure.Definition.Id;
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return ids;
    }

    private async Task<ImportReport> ImportLondonAsync(FileInfo fixture, CancellationToken cancellationToken)
    {
        await using var file = fixture.OpenRead();
        var report = await _measures.ImportCsvAsync(
            new ImportCsvHeader { MappingId = "ees-cin-referrals-rereferrals", FileName = fixture.Name, DefineMissingMeasures = true },
            file,
            Options(DemoPartnership.PartnershipCode, cancellationToken));
        progress.Advance(1);
        progress.Done($"Imported {fixture.Name}: {report.RowsImported} rows, {report.ObservationsRecorded} figures as London comparators.");
        return report;
    }

    private CallOptions Options(string organisation, CancellationToken cancellationToken) => gateway.As(organisation, Analyst, cancellationToken);
}

internal sealed record DemoSeedSummary(int ContentAreas, int Measures, int Figures, ImportReport? London);
