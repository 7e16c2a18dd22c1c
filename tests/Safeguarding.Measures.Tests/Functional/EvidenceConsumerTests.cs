using CloudNative.CloudEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Safeguarding.Evidence.V1;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Persistence.Inbox;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>
/// Evidence from audits and surveys reaches measures through events (EvidenceFiguresProduced on each source's
/// topic): figures become observations with the source's provenance; a re-publication corrects, never duplicates;
/// unchanged figures and redeliveries change nothing; figures for unknown measures are refused.
/// </summary>
public sealed class EvidenceConsumerTests(SqliteServiceFixture service) : IClassFixture<SqliteServiceFixture>
{
    private const string Barnet = "E09000003";
    private const string Quarter = "2025-04/P3M";

    private MeasuresService.MeasuresServiceClient Client => service.Client;

    [Fact]
    public async Task Audit_figures_are_recorded_with_provenance_and_a_re_close_supersedes_while_redeliveries_and_unchanged_figures_change_nothing()
    {
        var measure = await DefineAsync();
        var programme = $"prog-{Guid.NewGuid():N}";
        var first = await PublishAsync(EvidenceSubscriptions.AuditsTopicName, Publication(ProvenanceKind.Audit, programme, Figure(measure, 7, 10)));
        var recorded = Assert.Single(await CurrentAsync(measure));
        Assert.Equal(("7", "10", ProvenanceKind.Audit, programme), (recorded.Value.Numerator, recorded.Value.Denominator, recorded.Provenance.Kind, recorded.Provenance.Reference));
        Assert.Equal("auditor-lead", recorded.Provenance.UserId);

        // The same event again (at-least-once delivery) and the same figure in a new publication: nothing new.
        await service.Transport.PublishAsync(EvidenceSubscriptions.AuditsTopicName, first);
        await PublishAsync(EvidenceSubscriptions.AuditsTopicName, Publication(ProvenanceKind.Audit, programme, Figure(measure, 7, 10)));
        Assert.Equal(recorded.Id, Assert.Single(await AllAsync(measure)).Id);

        // Re-closed after moderation: the figure is corrected with the publication's reason.
        var corrected = Publication(ProvenanceKind.Audit, programme, Figure(measure, 8, 10));
        corrected.CorrectionReason = "programme re-closed after moderation";
        await PublishAsync(EvidenceSubscriptions.AuditsTopicName, corrected);
        var all = await AllAsync(measure);
        Assert.Equal(2, all.Count);
        var current = Assert.Single(all, o => o.Current);
        Assert.Equal(("8", recorded.Id, "programme re-closed after moderation"), (current.Value.Numerator, current.SupersedesObservationId, current.CorrectionReason));
    }

    [Fact]
    public async Task Survey_figures_arrive_on_the_surveys_topic_with_survey_provenance()
    {
        var measure = await DefineAsync();
        var wave = $"wave-{Guid.NewGuid():N}";
        await PublishAsync(EvidenceSubscriptions.SurveysTopicName, Publication(ProvenanceKind.Survey, wave, Figure(measure, 30, 40)));
        var recorded = Assert.Single(await CurrentAsync(measure));
        Assert.Equal((ProvenanceKind.Survey, wave), (recorded.Provenance.Kind, recorded.Provenance.Reference));
    }

    [Fact]
    public async Task Figures_for_unknown_measures_are_refused_and_a_publication_of_nothing_but_them_is_dead_lettered()
    {
        var measure = await DefineAsync();
        var unknown = Calls.NewMeasureId("unknown");
        await PublishAsync(EvidenceSubscriptions.AuditsTopicName, Publication(ProvenanceKind.Audit, "prog-mixed", Figure(unknown, 1, 2), Figure(measure, 3, 4)));
        Assert.Equal("3", Assert.Single(await CurrentAsync(measure)).Value.Numerator);

        var refused = ProtoCloudEvents.Create(Publication(ProvenanceKind.Audit, "prog-unknown", Figure(unknown, 1, 2)), "/safeguarding/audits", Barnet, DateTimeOffset.UtcNow);
        await service.Transport.PublishAsync(EvidenceSubscriptions.AuditsTopicName, refused);
        // A later publication on the same topic is applied, so the refused one was settled before it.
        var other = await DefineAsync();
        await PublishAsync(EvidenceSubscriptions.AuditsTopicName, Publication(ProvenanceKind.Audit, "prog-after", Figure(other, 1, 1)));
        Assert.False(await service.WithDbAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.EventId == refused.Id)));
        Assert.Equal(0, await service.WithDbAsync(db => db.Observations.CountAsync(o => o.MeasureId == unknown)));
    }

    [Fact]
    public void The_topics_come_from_configuration_with_audits_and_surveys_by_default()
    {
        Assert.Equal(["audits.evidence-figures.v1", "surveys.evidence-figures.v1"], EvidenceSubscriptions.Topics(new ConfigurationBuilder().Build()));
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Measures:Evidence:Topics:0"] = "audits.evidence-figures.v1" }).Build();
        Assert.Equal(["audits.evidence-figures.v1"], EvidenceSubscriptions.Topics(configured));
    }

    private async Task<string> DefineAsync() =>
        (await Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = Definitions.SampledAudit(Calls.NewMeasureId("evidence")) }, Calls.As())).Definition.Id;

    private static EvidenceFigure Figure(string measureId, int numerator, int denominator) => new()
    {
        MeasureId = measureId,
        Breakdown = new Breakdown(),
        Numerator = numerator.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Denominator = denominator.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static EvidenceFiguresProduced Publication(ProvenanceKind kind, string reference, params EvidenceFigure[] figures) => new()
    {
        PublicationId = Guid.NewGuid().ToString(),
        Kind = kind,
        Reference = reference,
        OrganisationCode = Barnet,
        Period = new Period { Code = Quarter },
        UserId = "auditor-lead",
        Figures = { figures },
    };

    /// <summary>Publishes as a source does and waits until the measures inbox has taken the event.</summary>
    private async Task<CloudEvent> PublishAsync(string topic, EvidenceFiguresProduced message)
    {
        var cloudEvent = ProtoCloudEvents.Create(message, "/safeguarding/audits", message.OrganisationCode, DateTimeOffset.UtcNow);
        await service.Transport.PublishAsync(topic, cloudEvent);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await service.WithDbAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.EventId == cloudEvent.Id)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the evidence event was not consumed in time");
            await Task.Delay(25);
        }

        return cloudEvent;
    }

    private async Task<List<Observation>> CurrentAsync(string measureId) =>
        [.. (await Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = measureId }, Calls.As())).Observations];

    private async Task<List<Observation>> AllAsync(string measureId) =>
        [.. (await Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = measureId, IncludeSuperseded = true }, Calls.As())).Observations];
}
