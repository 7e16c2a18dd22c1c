using System.Text;
using Grpc.Core;
using Safeguarding.EndToEnd.Tests.Support;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.V1;

namespace Safeguarding.EndToEnd.Tests.Scenarios.Writes;

/// <summary>
/// The measures service's write RPCs, each tried on the owner's records: definitions the owner defined, its
/// content areas and observations, and requests naming the owner.
/// </summary>
public static class MeasuresWriteCases
{
    private const string Service = "safeguarding.measures.v1.MeasuresService/";

    public static IEnumerable<WriteCase> All(WriteCalls calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var year = 2000;
        // Library content areas to adopt: one per owner (the attempts fail, then the owner adopts it).
        var libraryAreas = new Queue<string>(["domestic-violence", "parental-mental-health", "parental-substance-misuse", "looked-after-children"]);

        yield return new(Service + "DefineMeasure", async owner =>
        {
            var theirs = await DefineAsync(calls.Measures, owner);
            var again = Definition(theirs.Id, "Redefined by another organisation");
            return new([(_, o) => calls.Measures.DefineMeasureAsync(new DefineMeasureRequest { Measure = again }, o).ResponseAsync],
                o => calls.Measures.DefineMeasureAsync(new DefineMeasureRequest { Measure = Definition(WriteCalls.Fresh("sweep"), "Defined by its owner") }, o).ResponseAsync,
                StatusCode.AlreadyExists);
        });
        yield return new(Service + "ReviseMeasure", async owner =>
        {
            var theirs = await DefineAsync(calls.Measures, owner);
            return new([(_, o) => calls.Measures.ReviseMeasureAsync(new ReviseMeasureRequest { Measure = Definition(theirs.Id, "Renamed by another organisation") }, o).ResponseAsync],
                o => calls.Measures.ReviseMeasureAsync(new ReviseMeasureRequest { Measure = Definition(theirs.Id, "Renamed by its owner") }, o).ResponseAsync);
        });
        yield return new(Service + "RetireMeasure", async owner =>
        {
            var theirs = await DefineAsync(calls.Measures, owner);
            return new([(_, o) => calls.Measures.RetireMeasureAsync(new RetireMeasureRequest { MeasureId = theirs.Id, Reason = "Retired by another organisation" }, o).ResponseAsync],
                o => calls.Measures.RetireMeasureAsync(new RetireMeasureRequest { MeasureId = theirs.Id, Reason = "Retired by its owner" }, o).ResponseAsync);
        });
        yield return new(Service + "RecordObservation", async owner =>
        {
            var measure = await DefineAsync(calls.Measures, owner);
            var period = Year(++year);
            return new([(_, o) => calls.Measures.RecordObservationAsync(Scenario.Record(owner, measure.Id, period, Scenario.CountValue(5)), o).ResponseAsync],
                o => calls.Measures.RecordObservationAsync(Scenario.Record(owner, measure.Id, period, Scenario.CountValue(6)), o).ResponseAsync);
        });
        yield return new(Service + "CorrectObservation", async owner =>
        {
            var measure = await DefineAsync(calls.Measures, owner);
            var theirs = (await calls.Measures.RecordObservationAsync(Scenario.Record(owner, measure.Id, Year(++year), Scenario.CountValue(7)), WriteCalls.As(owner))).Observation;
            CorrectObservationRequest Correct(string reason) => new() { ObservationId = theirs.Id, Value = Scenario.CountValue(8), CorrectionReason = reason };
            return new([(_, o) => calls.Measures.CorrectObservationAsync(Correct("corrected by another organisation"), o).ResponseAsync],
                o => calls.Measures.CorrectObservationAsync(Correct("recounted by its owner"), o).ResponseAsync);
        });
        yield return new(Service + "AdoptContentArea", owner =>
        {
            var attempted = libraryAreas.Dequeue();
            return Task.FromResult(new WriteProbe(
                [(_, o) => calls.Measures.AdoptContentAreaAsync(new AdoptContentAreaRequest { OrganisationCode = owner, LibraryContentAreaId = attempted }, o).ResponseAsync],
                o => calls.Measures.AdoptContentAreaAsync(new AdoptContentAreaRequest { OrganisationCode = owner, LibraryContentAreaId = attempted }, o).ResponseAsync));
        });
        yield return new(Service + "AddContentArea", owner => Task.FromResult(new WriteProbe(
            [(_, o) => calls.Measures.AddContentAreaAsync(new AddContentAreaRequest { OrganisationCode = owner, ContentArea = OwnArea() }, o).ResponseAsync],
            o => calls.Measures.AddContentAreaAsync(new AddContentAreaRequest { OrganisationCode = owner, ContentArea = OwnArea() }, o).ResponseAsync)));
        yield return new(Service + "UpdateContentArea", async owner =>
        {
            var theirs = await calls.Measures.AddContentAreaAsync(new AddContentAreaRequest { OrganisationCode = owner, ContentArea = OwnArea() }, WriteCalls.As(owner));
            ContentArea Renamed(string organisation, string title)
            {
                var area = theirs.Clone();
                area.OrganisationCode = organisation;
                area.Title = title;
                return area;
            }

            return new(
                [
                    (_, o) => calls.Measures.UpdateContentAreaAsync(new UpdateContentAreaRequest { ContentArea = Renamed(owner, "Renamed by another organisation") }, o).ResponseAsync,
                    (acting, o) => calls.Measures.UpdateContentAreaAsync(new UpdateContentAreaRequest { ContentArea = Renamed(acting, "Renamed by another organisation") }, o).ResponseAsync,
                ],
                o => calls.Measures.UpdateContentAreaAsync(new UpdateContentAreaRequest { ContentArea = Renamed(owner, "Renamed by its owner") }, o).ResponseAsync);
        });
        yield return new(Service + "RetireContentArea", async owner =>
        {
            var theirs = await calls.Measures.AddContentAreaAsync(new AddContentAreaRequest { OrganisationCode = owner, ContentArea = OwnArea() }, WriteCalls.As(owner));
            RetireContentAreaRequest Retire(string organisation) => new() { OrganisationCode = organisation, ContentAreaId = theirs.Id, Reason = "merged" };
            return new(
                [
                    (_, o) => calls.Measures.RetireContentAreaAsync(Retire(owner), o).ResponseAsync,
                    (acting, o) => calls.Measures.RetireContentAreaAsync(Retire(acting), o).ResponseAsync,
                ],
                o => calls.Measures.RetireContentAreaAsync(Retire(owner), o).ResponseAsync);
        });
        yield return new(Service + "UploadImportMapping", async owner =>
        {
            var id = WriteCalls.Fresh("mapping");
            await calls.Measures.UploadImportMappingAsync(new UploadImportMappingRequest { OrganisationCode = owner, Document = MappingDocument(id, "Uploaded by its owner") }, WriteCalls.As(owner));
            return new([(_, o) => calls.Measures.UploadImportMappingAsync(new UploadImportMappingRequest { OrganisationCode = owner, Document = MappingDocument(id, "Changed by another organisation") }, o).ResponseAsync],
                o => calls.Measures.UploadImportMappingAsync(new UploadImportMappingRequest { OrganisationCode = owner, Document = MappingDocument(id, "Changed by its owner") }, o).ResponseAsync);
        });
        yield return new(Service + "ImportCsv", owner =>
        {
            var month = $"2019-{++year % 12 + 1:00}";
            return Task.FromResult(new WriteProbe(
                [(_, o) => ImportAsync(calls.Measures, owner, month, o)],
                o => ImportAsync(calls.Measures, owner, month, o)));
        });
    }

    /// <summary>A measure defined by <paramref name="owner"/> through the gateway.</summary>
    internal static async Task<MeasureDefinition> DefineAsync(MeasuresService.MeasuresServiceClient measures, string owner)
    {
        var definition = Definition(WriteCalls.Fresh("sweep"), "Referrals counted by the sweep");
        var defined = await measures.DefineMeasureAsync(new DefineMeasureRequest { Measure = definition }, WriteCalls.As(owner));
        if (defined.OwnerOrganisationCode != owner)
        {
            throw new InvalidOperationException($"A measure defined by {owner} is owned by {defined.OwnerOrganisationCode}.");
        }

        return definition;
    }

    private static MeasureDefinition Definition(string id, string title)
    {
        var definition = Scenario.CountDefinition();
        definition.Id = id;
        definition.Title = title;
        return definition;
    }

    private static Period Year(int year) => new() { Code = $"{year}-04/P12M" };

    // The generic example mapping (the organisation is a column); the header names the owner.
    private static Task<ImportReport> ImportAsync(MeasuresService.MeasuresServiceClient measures, string owner, string month, CallOptions options)
    {
        var csv = $"Month,Agency code,Team,Cases audited,Child remained the focus\n{month},{owner},All teams,12,6\n";
        var header = new ImportCsvHeader { MappingId = "generic-monthly-team-audit-example", FileName = "sweep.csv", DefineMissingMeasures = true, OrganisationCodes = { owner } };
        return measures.ImportCsvAsync(header, new MemoryStream(Encoding.UTF8.GetBytes(csv)), options);
    }

    // A small generic mapping (docs/import-mappings.md); the title is what each upload changes.
    private static string MappingDocument(string id, string title) => $"""
        mapping_version: 1
        id: {id}
        title: {title}
        layout: generic
        columns_verified: false
        period:
          column: Month
          format: month
        organisation:
          code_column: Agency code
        measures:
          - measure_id: sweep.cases_audited
            unit: count
            value: Cases audited
        """;

    private static ContentArea OwnArea()
    {
        var id = WriteCalls.Fresh("own");
        return new ContentArea
        {
            Id = id,
            Group = "wider_picture",
            Title = "Our area",
            WhyItMatters = "A local priority.",
            ScrutinyQuestions = { new ContentAreaQuestion { Id = id + "-q1", Text = "What has changed for children?" } },
        };
    }
}
