using Safeguarding.Measures.V1;
using Safeguarding.Reporting.Events;
using Safeguarding.Reporting.V1;
using static Safeguarding.Reporting.Tests.Service.Support.MeasuresEvents;

namespace Safeguarding.Reporting.Tests.Service.Support;

/// <summary>
/// A fictional partnership's evidence, April 2023 to March 2025, fed through the real event path, plus its
/// profile and narrative through the API. Codes are unique per test so tests never share data.
/// </summary>
public sealed class FictionalPartnership
{
    public FictionalPartnership()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        Code = "p-" + suffix;
        Region = "r-" + suffix;
        Neighbour = "n-" + suffix;
    }

    public string Code { get; }

    public string Region { get; }

    public string Neighbour { get; }

    public const string Name = "Northbridge Safeguarding Children Partnership";

    public string FeelSafer => Code + ".feel-safer";

    public string PlansClear => Code + ".plans-clear";

    public string Referrals => Code + ".referrals";

    public string Supervision => Code + ".supervision";

    public const string FeelSaferTitle = "Children who say they feel safer";
    public const string PlansClearTitle = "Plans that say clearly what should change";

    /// <summary>Publishes the measures events; returns how many were published.</summary>
    public async Task<int> PublishEvidenceAsync(ReportingHost host)
    {
        var events = 0;
        async Task Publish<T>(Safeguarding.Platform.Events.EventTopic<T> topic, T message)
            where T : Google.Protobuf.IMessage<T>, new()
        {
            await host.PublishAsync(topic, message, Code);
            events++;
        }

        await Publish(ReportingTopics.ContentAreaChanged, Area(Code, "neglect", "Neglect", "Neglect is the most common reason for a child protection plan.", Epoch));
        await Publish(ReportingTopics.ContentAreaChanged, Area(Code, "workforce", "Workforce", "A stable, supported workforce is what good practice rests on.", Epoch, "organisational"));
        await Publish(ReportingTopics.MeasureDefined, new() { Measure = Measure(FeelSafer, FeelSaferTitle, "neglect", InformationType.Outcome, MeasureUnit.Percentage, Polarity.HigherBetter, Sampling.Sample, Source.ChildrenParentsCarers, owner: Code) });
        await Publish(ReportingTopics.MeasureDefined, new() { Measure = Measure(PlansClear, PlansClearTitle, "neglect", InformationType.Quality, MeasureUnit.Percentage, Polarity.HigherBetter, owner: Code) });
        await Publish(ReportingTopics.MeasureDefined, new() { Measure = Measure(Referrals, "Referrals received", "neglect", InformationType.Quantity, MeasureUnit.Count, Polarity.Neither, source: Source.OrganisationalSystems, owner: Code) });
        await Publish(ReportingTopics.MeasureDefined, new() { Measure = Measure(Supervision, "Staff who say supervision helps them reflect", "workforce", InformationType.Quality, MeasureUnit.Percentage, Polarity.HigherBetter, Sampling.Sample, Source.FrontlineStaff, owner: Code) });

        // Months -12..11: April 2023 to March 2025.
        var figures = new List<Measures.Events.V1.ObservationRecorded>();
        for (var m = -12; m < 12; m++)
        {
            // Feels safer: 60% in 2023/24, 80% for most of 2024/25, then 48% in January to March 2025.
            var safer = m < 0 ? 30 : m < 9 ? 40 : 24;
            figures.Add(Fraction($"{Code}-fs{m}", Code, FeelSafer, Month(m), safer, 50, Epoch));
            // Clear plans: 60% until December 2024, then 75% (whole population).
            figures.Add(Fraction($"{Code}-pc{m}", Code, PlansClear, Month(m), m < 9 ? 60 : 75, 100, Epoch));
            figures.Add(Fraction($"{Region}-fs{m}", Region, FeelSafer, Month(m), 35, 50, Epoch));
            figures.Add(Fraction($"{Region}-pc{m}", Region, PlansClear, Month(m), 70, 100, Epoch));
            figures.Add(Fraction($"{Neighbour}-fs{m}", Neighbour, FeelSafer, Month(m), 1, 1, Epoch));
        }

        var batch = Batch(Code + "-import", Epoch, figures);
        await Publish(ReportingTopics.ObservationBatchRecorded, batch);
        await Publish(ReportingTopics.ObservationsImported, new() { ImportId = Code + "-import", MappingId = "generic-monthly-team-audit", ObservationsRecorded = figures.Count, OrganisationCodes = { Code, Region, Neighbour } });
        for (var m = 0; m < 12; m++)
        {
            await Publish(ReportingTopics.ObservationRecorded, Count($"{Code}-rf{m}", Code, Referrals, Month(m), 200 + m, Epoch));
        }

        await Publish(ReportingTopics.ObservationRecorded, Fraction(Code + "-sv", Code, Supervision, "2025-01/P3M", 33, 41, Epoch));
        await Publish(ReportingTopics.ObservationRecorded, Fraction(Code + "-sv-n", Code, Supervision, "2025-01/P3M", 20, 25, Epoch, breakdownKey: "team=North"));
        await Publish(ReportingTopics.ObservationRecorded, Fraction(Code + "-sv-s", Code, Supervision, "2025-01/P3M", 3, 4, Epoch, breakdownKey: "team=South"));
        await Publish(ReportingTopics.ObservationRecorded, Fraction(Code + "-sv-e", Code, Supervision, "2025-01/P3M", 10, 12, Epoch, breakdownKey: "team=East"));
        return events;
    }

    /// <summary>Profiles and narrative, through the API.</summary>
    public async Task RecordNarrativeAsync(ReportingClient client)
    {
        await client.SetProfileAsync(new ReportingProfile { OrganisationCode = Region, Name = "Fictional Region", Kind = Reporting.V1.OrganisationKind.Region });
        await client.SetProfileAsync(new ReportingProfile { OrganisationCode = Neighbour, Name = "Neighbouring Partnership", Kind = Reporting.V1.OrganisationKind.Partnership, ParentCode = Region });
        var profile = new ReportingProfile { OrganisationCode = Code, Name = Name, Kind = Reporting.V1.OrganisationKind.Partnership, ParentCode = Region, ComparatorCodes = { Neighbour } };
        profile.StrategicPriorities.Add(new StrategicPriority { Kind = PriorityKind.ThemedPriorityArea, Title = "Neglect", ContentAreaId = "neglect" });
        profile.StrategicPriorities.Add(new StrategicPriority { Kind = PriorityKind.AssuranceArea, Title = "Workforce", ContentAreaId = "workforce" });
        await client.SetProfileAsync(profile);

        await client.CreateAsync(new NarrativeEntry
        {
            OrganisationCode = Code, PeriodCode = "2025-01/P3M", MeasureId = FeelSafer,
            Story = new Story { Text = "Fewer children said they felt safer after the change of provider; the lead is finding out why." },
        });
        await client.CreateAsync(new NarrativeEntry
        {
            OrganisationCode = Code, PeriodCode = "2025-02/P1M", ContentAreaId = "neglect",
            Voice = new Voice { Quote = "They listened to what I wanted.", Source = VoiceSource.Child, ConsentRecorded = true, ConsentRecordedOn = "2025-02-10", DeIdentified = true },
        });
        await client.CreateAsync(new NarrativeEntry
        {
            OrganisationCode = Code, PeriodCode = "2024-04/P3M", ContentAreaId = "neglect", MeasureId = FeelSafer,
            Action = new ImprovementAction { Description = "Ask children what would help them feel safer.", OwnerOrganisation = "Children's services", DueDate = "2025-09-30", Status = ActionStatus.InProgress },
        });
        await client.CreateAsync(new NarrativeEntry { OrganisationCode = Code, PeriodCode = "2025-01/P3M", HorizonNote = new HorizonNote { Text = "New national guidance is expected." } });
        await client.CreateAsync(new NarrativeEntry { OrganisationCode = Code, PeriodCode = "2025-01/P3M", Recommendation = new Recommendation { Text = "Share the audit's learning.", AddressedTo = "Workforce sub-group" } });
        await client.CreateAsync(new NarrativeEntry { OrganisationCode = Code, PeriodCode = "2025-01/P3M", Finding = new QualitativeFinding { EvidenceTitle = "Multi-agency audit of neglect cases", Text = "Plans were clearer about what should change." } });
    }
}
