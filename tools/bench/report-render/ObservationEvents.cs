using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Events;

namespace Safeguarding.Bench.ReportRender;

/// <summary>
/// The measures service's events for a synthetic history: one MeasureDefined per measure, then the observations
/// as imports publish them (groups of one measure version and period, about a batch of figures an event).
/// </summary>
internal static class ObservationEvents
{
    public const int Organisations = 10;

    /// <summary>Publishes the events and returns how many were published.</summary>
    public static async Task<int> PublishAsync(IEventTransport transport, int observations, int batchSize, int measures)
    {
        var events = 0;
        var time = new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);
        for (var m = 0; m < measures; m++)
        {
            var definition = new MeasureDefinition
            {
                Id = "bench.m" + m.ToString(CultureInfo.InvariantCulture), Title = "Measure " + m.ToString(CultureInfo.InvariantCulture),
                ContentAreaId = "area-" + (m % 12).ToString(CultureInfo.InvariantCulture), Type = (InformationType)(1 + (m % 3)),
                Source = Source.CaseRecords, Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherBetter, Frequency = Frequency.Monthly,
            };
            await Publish(transport, "measures.measure-defined.v1", new MeasureDefined { Measure = new Measure { Definition = definition, Version = 1, Revision = 1, OwnerOrganisationCode = "org0" } }, "org0", time);
            events++;
        }

        var recordedAt = Timestamp.FromDateTimeOffset(time);
        var batch = new ObservationBatchRecorded { ImportId = "bench-import", Sequence = 1, RecordedAt = recordedAt };
        var inBatch = 0;
        for (var i = 0; i < observations; i += Organisations)
        {
            var measure = i / Organisations % measures;
            var start = new DateOnly(2015, 4, 1).AddMonths(i / Organisations / measures);
            var group = new RecordedFigureGroup
            {
                MeasureId = "bench.m" + measure.ToString(CultureInfo.InvariantCulture),
                MeasureVersion = 1,
                PeriodCode = start.ToString("yyyy-MM", CultureInfo.InvariantCulture) + "/P1M",
            };
            for (var o = 0; o < Organisations && i + o < observations; o++)
            {
                group.Figures.Add(new RecordedFigure
                {
                    ObservationId = "o" + (i + o).ToString(CultureInfo.InvariantCulture),
                    OrganisationCode = "org" + o.ToString(CultureInfo.InvariantCulture),
                    State = ObservationState.Value,
                    Numerator = (20 + ((i + o) % 30)).ToString(CultureInfo.InvariantCulture),
                    Denominator = "60",
                });
            }

            batch.Groups.Add(group);
            inBatch += group.Figures.Count;
            if (inBatch >= batchSize || i + Organisations >= observations)
            {
                await Publish(transport, "measures.observation-batch-recorded.v1", batch, "org0", time);
                events++;
                batch = new ObservationBatchRecorded { ImportId = "bench-import", Sequence = batch.Sequence + 1, RecordedAt = recordedAt };
                inBatch = 0;
            }
        }

        return events;
    }

    private static Task Publish<T>(IEventTransport transport, string topic, T message, string subject, DateTimeOffset time)
        where T : Google.Protobuf.IMessage<T>, new() =>
        transport.PublishAsync(topic, ProtoCloudEvents.Create(message, "/safeguarding/measures", subject, time));
}
