using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Safeguarding.CaseReviews.Events.V1;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Events;

namespace Safeguarding.Bench.ReportRender;

/// <summary>
/// The events a partnership's history arrives as, at issue 16's scale: per partnership, four agencies recording the
/// measures monthly over the years (imports' batches), 40 case audit programmes feeding the audit measures quarterly
/// with their grade distributions, and 20 case reviews with two actions each for the actions register. Measure ids
/// are shared by every partnership (the library's); organisation codes are "bp{k}" and "bp{k}-a{j}".
/// </summary>
internal sealed class PartnershipHistory(IEventTransport transport, int measures, int years)
{
    public const int Agencies = 4;
    public const int AuditProgrammes = 40;
    public const int Reviews = 20;
    private const int AuditMeasures = 10;
    private const int Batch = 500;
    private static readonly DateTimeOffset Time = new(2026, 4, 20, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The last month of the history: March 2026, the end of the 2025-26 financial year.</summary>
    public static readonly DateOnly LastMonth = new(2026, 3, 1);

    public int Published { get; private set; }

    public static string Partnership(int k) => "bp" + k.ToString(CultureInfo.InvariantCulture);

    public static string Agency(int k, int j) => Partnership(k) + "-a" + j.ToString(CultureInfo.InvariantCulture);

    public static string MeasureId(int m) => "bench.m" + m.ToString(CultureInfo.InvariantCulture);

    /// <summary>The first measures are audit-fed (quarterly), the rest recorded monthly.</summary>
    public static bool IsAuditMeasure(int m) => m < AuditMeasures;

    public async Task DefineMeasuresAsync()
    {
        for (var m = 0; m < measures; m++)
        {
            var definition = new MeasureDefinition
            {
                Id = MeasureId(m), Title = "Measure " + m.ToString(CultureInfo.InvariantCulture),
                ContentAreaId = "area-" + (m % 12).ToString(CultureInfo.InvariantCulture), Type = (InformationType)(1 + (m % 3)),
                Source = Source.CaseRecords, Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherBetter,
                Frequency = IsAuditMeasure(m) ? Frequency.Quarterly : Frequency.Monthly,
            };
            await PublishAsync("measures.measure-defined.v1", new MeasureDefined { Measure = new Measure { Definition = definition, Version = 1, Revision = 1, OwnerOrganisationCode = "london" } }, "/safeguarding/measures");
        }
    }

    public async Task PublishPartnershipAsync(int k)
    {
        await MonthlyFiguresAsync(k);
        await AuditProgrammesAsync(k);
        await ReviewActionsAsync(k);
    }

    private async Task MonthlyFiguresAsync(int k)
    {
        var months = years * 12;
        var batch = NewBatch(k, 1);
        var inBatch = 0;
        for (var m = AuditMeasures; m < measures; m++)
        {
            for (var i = 0; i < months; i++)
            {
                var month = LastMonth.AddMonths(i - months + 1);
                var group = new RecordedFigureGroup { MeasureId = MeasureId(m), MeasureVersion = 1, PeriodCode = month.ToString("yyyy-MM", CultureInfo.InvariantCulture) + "/P1M" };
                group.Figures.Add(new RecordedFigure
                {
                    ObservationId = $"{Partnership(k)}-m{m}-{i}",
                    OrganisationCode = Agency(k, m % Agencies),
                    State = ObservationState.Value,
                    Numerator = (30 + ((k + m + i) % 25)).ToString(CultureInfo.InvariantCulture),
                    Denominator = "60",
                });
                batch.Groups.Add(group);
                if (++inBatch >= Batch)
                {
                    await PublishAsync("measures.observation-batch-recorded.v1", batch, "/safeguarding/measures");
                    batch = NewBatch(k, batch.Sequence + 1);
                    inBatch = 0;
                }
            }
        }

        if (inBatch > 0)
        {
            await PublishAsync("measures.observation-batch-recorded.v1", batch, "/safeguarding/measures");
        }
    }

    // Two programmes a quarter, alternating agencies, each scoring every audit measure with its grade distribution.
    private async Task AuditProgrammesAsync(int k)
    {
        var quarters = years * 4;
        for (var p = 0; p < AuditProgrammes; p++)
        {
            var quarter = LastMonth.AddMonths(-2 - 3 * (p / 2 % quarters));
            var period = quarter.ToString("yyyy-MM", CultureInfo.InvariantCulture) + "/P3M";
            var agency = Agency(k, p % Agencies);
            for (var m = 0; m < AuditMeasures; m++)
            {
                var met = 6 + ((k + p + m) % 6);
                await AuditFigureAsync(k, p, m, agency, period, "", met, 12);
                await AuditFigureAsync(k, p, m, agency, period, "grade=Good", met / 2, 12);
                await AuditFigureAsync(k, p, m, agency, period, "grade=Requires%20improvement", 12 - met, 12);
            }
        }
    }

    private Task AuditFigureAsync(int k, int programme, int m, string agency, string period, string breakdown, int numerator, int denominator) =>
        PublishAsync("measures.observation-recorded.v1", new ObservationRecorded
        {
            ObservationId = $"{Partnership(k)}-audit{programme}-m{m}-{breakdown}",
            OrganisationCode = agency,
            MeasureId = MeasureId(m),
            MeasureVersion = 1,
            PeriodCode = period,
            BreakdownKey = breakdown,
            Value = new ObservationValue { State = ObservationState.Value, Numerator = numerator.ToString(CultureInfo.InvariantCulture), Denominator = denominator.ToString(CultureInfo.InvariantCulture) },
            ProvenanceKind = ProvenanceKind.Audit,
            ProvenanceReference = $"{Partnership(k)}-programme-{programme}",
            RecordedAt = Timestamp.FromDateTimeOffset(Time),
        }, "/safeguarding/measures");

    private async Task ReviewActionsAsync(int k)
    {
        for (var r = 0; r < Reviews; r++)
        {
            for (var a = 0; a < 2; a++)
            {
                var due = LastMonth.AddMonths(-(r % 24)).AddDays(14);
                await PublishAsync("casereviews.action-updated.v1", new ActionUpdated
                {
                    ReviewId = $"{Partnership(k)}-review-{r}",
                    ActionId = "action-" + a.ToString(CultureInfo.InvariantCulture),
                    OwnerCode = Partnership(k),
                    OwnerOrganisationCode = Agency(k, (r + a) % Agencies),
                    Status = r % 3 == 0 ? "completed" : "in-progress",
                    DueOn = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    CompletedOn = r % 3 == 0 ? due.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                    LinkedMeasureId = MeasureId(AuditMeasures + ((r * 2 + a) % (measures - AuditMeasures))),
                    UpdatedAt = Timestamp.FromDateTimeOffset(Time),
                }, "/safeguarding/casereviews");
            }
        }
    }

    private static ObservationBatchRecorded NewBatch(int k, int sequence) =>
        new() { ImportId = Partnership(k) + "-import", Sequence = sequence, RecordedAt = Timestamp.FromDateTimeOffset(Time) };

    private async Task PublishAsync<T>(string topic, T message, string source)
        where T : IMessage<T>, new()
    {
        await transport.PublishAsync(topic, ProtoCloudEvents.Create(message, source, "bench", Time));
        Published++;
    }
}
