using System.Globalization;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Samples;

/// <summary>
/// Fictional, seeded report documents for the demo, tests and benchmarks. No real organisation, person or
/// case: names are invented and every value comes from a seeded random generator, so a seed gives the same document.
/// </summary>
public static class SampleReports
{
    private static readonly (string Id, string Title, ContentAreaGroup Group)[] Areas =
    [
        ("cp-cin-planning", "Child protection and children in need planning", ContentAreaGroup.Practice),
        ("neglect", "Neglect", ContentAreaGroup.Practice),
        ("domestic-abuse", "Domestic abuse", ContentAreaGroup.Practice),
        ("parental-mental-health", "Parental mental health", ContentAreaGroup.Practice),
        ("substance-misuse", "Parental substance misuse", ContentAreaGroup.Practice),
        ("exploitation", "Child sexual abuse and exploitation", ContentAreaGroup.Practice),
        ("missing", "Missing from home, care and education", ContentAreaGroup.Practice),
        ("early-help", "Early help", ContentAreaGroup.Practice),
        ("partnership-working", "Partnership working", ContentAreaGroup.OrganisationalAndPractitioner),
        ("workforce", "Workforce", ContentAreaGroup.OrganisationalAndPractitioner),
        ("supervision", "Supervision", ContentAreaGroup.OrganisationalAndPractitioner),
        ("poverty-housing", "Poverty and housing", ContentAreaGroup.WiderPicture),
    ];

    private static readonly (string Title, MeasureType Type, EvidenceSource Source, MeasureUnit Unit, Polarity Polarity)[] MeasureTemplates =
    [
        ("Number of children subject to a plan", MeasureType.Quantity, EvidenceSource.OrganisationalSystems, MeasureUnit.Count, Polarity.Neither),
        ("% of children seen alone at visits", MeasureType.Quality, EvidenceSource.CaseRecords, MeasureUnit.Percentage, Polarity.HigherIsBetter),
        ("% of cases where the desired outcomes were achieved at closure", MeasureType.Outcome, EvidenceSource.CaseRecords, MeasureUnit.Percentage, Polarity.HigherIsBetter),
        ("% of parents who said they were treated with respect", MeasureType.Quality, EvidenceSource.ChildrenAndFamilies, MeasureUnit.Percentage, Polarity.HigherIsBetter),
        ("% of closed cases re-referred within 12 months", MeasureType.Outcome, EvidenceSource.OrganisationalSystems, MeasureUnit.Percentage, Polarity.LowerIsBetter),
        ("Referrals per 10,000 children", MeasureType.Quantity, EvidenceSource.OrganisationalSystems, MeasureUnit.RatePer10000, Polarity.Neither),
        ("% of children who said they felt safer", MeasureType.Outcome, EvidenceSource.ChildrenAndFamilies, MeasureUnit.Percentage, Polarity.HigherIsBetter),
        ("% of staff who said supervision helped them reflect", MeasureType.Quality, EvidenceSource.FrontlineStaff, MeasureUnit.Percentage, Polarity.HigherIsBetter),
    ];

    private static readonly string[] Months = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];

    /// <summary>An annual Report Book for one fictional partnership.</summary>
    public static ReportBook Book(SampleBookOptions? options = null)
    {
        options ??= new SampleBookOptions();
        var random = new Random(options.Seed);
        var areaCount = Math.Max(1, options.ContentAreas);
        var sheets = new ContentAreaSheet[areaCount];
        var allMeasures = new List<MeasureInfo>(options.Measures);
        var measureNumber = 0;
        for (var a = 0; a < areaCount; a++)
        {
            var (areaId, title, group) = Areas[a % Areas.Length];
            if (a >= Areas.Length)
            {
                areaId += "-" + Number(a / Areas.Length + 1);
                title += " (" + Number(a / Areas.Length + 1) + ")";
            }

            var measuresHere = (options.Measures / areaCount) + (a < options.Measures % areaCount ? 1 : 0);
            var measures = new MeasureEvidence[measuresHere];
            for (var m = 0; m < measuresHere; m++)
            {
                measures[m] = Measure(random, options, ++measureNumber);
                allMeasures.Add(measures[m].Measure);
            }

            sheets[a] = Sheet(areaId, title, group, measures);
        }

        var lastYear = YearLabel(options.LastYear);
        var previousYear = YearLabel(options.LastYear - 1);
        return new ReportBook
        {
            Title = "Safeguarding Children Report Book " + lastYear,
            Organisation = new OrganisationRef(options.PartnershipId, options.PartnershipName, OrganisationKind.Partnership),
            Period = new ReportPeriod(
                "April " + Number(options.LastYear - 1) + " to March " + Number(options.LastYear),
                new DateOnly(options.LastYear - 1, 4, 1),
                new DateOnly(options.LastYear, 3, 31)),
            PublishedOn = new DateOnly(options.LastYear, 6, 30),
            Version = "1.0",
            Introduction = "This book brings together what we know about how safe children are in our area and whether anyone is better off.\n\n"
                + "It is written for the partnership board, to support reflection and challenge rather than to be read as a scorecard.",
            Sheets = sheets,
            Stories = new StorySheet(
                "These are some of the experiences that lie behind the figures, shared with consent and with anything that could identify anyone removed.",
                Voices()),
            Balance = BalanceOfInformation.From(lastYear, allMeasures, previousYear, allMeasures.Where((_, i) => i % 3 != 0 || allMeasures[i].Type != MeasureType.Outcome)),
            Timetable = SampleTimetable.For(new DateOnly(options.LastYear - 1, 4, 1), new DateOnly(options.LastYear, 6, 30)),
            TurningTheCurve = [.. sheets.SelectMany(s => s.Measures).Take(1).Select(m => SampleTurningTheCurve.For(m, new DateOnly(options.LastYear - 1, 11, 12)))],
            Upkeep = SampleUpkeep.For(new DateOnly(options.LastYear, 1, 1), new DateOnly(options.LastYear, 6, 30)),
        };
    }

    /// <summary>A quarterly "How are we doing?" report for the fictional partnership.</summary>
    public static QuarterlyReport Quarterly(int seed = 1)
    {
        var random = new Random(seed);
        var options = new SampleBookOptions { Years = 1, Seed = seed };
        var measures = new[] { Measure(random, options, 1), Measure(random, options, 2) };
        measures[0] = SampleTargets.WithTargets(SampleTimetable.WithEvents(measures[0]));
        var team = measures[1].Measure;
        return new QuarterlyReport
        {
            Title = "How are we doing? Safeguarding effectiveness report",
            Organisation = new OrganisationRef("northbridge", "Northbridge Safeguarding Children Partnership", OrganisationKind.Partnership),
            Period = new ReportPeriod("October to December 2024 (Quarter 3)", new DateOnly(2024, 10, 1), new DateOnly(2024, 12, 31)),
            PublishedOn = new DateOnly(2025, 2, 14),
            Version = "0.3",
            Timetable = SampleTimetable.For(new DateOnly(2024, 10, 1), new DateOnly(2025, 2, 14)),
            Upkeep = SampleUpkeep.For(new DateOnly(2024, 10, 1), new DateOnly(2025, 2, 14)),
            MeetingDate = new DateOnly(2025, 3, 3),
            AuthorRoles = ["Sub-group Chair", "Quality assurance lead"],
            Purpose = "To give the board a summary of how we are doing, as discussed at the learning and improvement sub-group.",
            Introduction = "This report summarises the evidence discussed at the last sub-group meeting about how we are doing.",
            StrategicPriorities =
            [
                new(PriorityKind.ThemedPriorityArea, "Neglect"),
                new(PriorityKind.ThemedPriorityArea, "Child sexual abuse and exploitation"),
                new(PriorityKind.AssuranceArea, "Early help"),
                new(PriorityKind.AssuranceArea, "Children affected by domestic abuse"),
            ],
            EvidenceAvailable = ["Quarter 3 scorecard", "Case review summary information", "Multi-agency audit of neglect cases"],
            QuarterFocus = "Neglect",
            Performance = new PerformanceReview
            {
                Narrative = "Headlines only: the figures are broadly steady, with some variation between teams that we want to understand.",
                DoingWell = ["More children are seen alone at visits than a year ago.", "Parents' feedback on being treated with respect remains strong."],
                FurtherExploration = ["Re-referrals within 12 months in the east locality: the lead will bring the story behind the figures next quarter."],
                Measures = measures,
                Breakdowns =
                [
                    new MeasureBreakdown(team, "Dec 2024", BreakdownKind.Team,
                    [
                        SeriesPoint.Of("North team", 78.4),
                        SeriesPoint.Of("South team", 71.2),
                        SeriesPoint.Suppressed("East team", "fewer than 5 cases"),
                        SeriesPoint.Of("West team", 82.0),
                    ]),
                ],
            },
            QualitativeEvidence = "The multi-agency audit found that plans were clearer about what should change for the child.",
            Voices =
            [
                new("They listened to what I wanted and explained what would happen next.", VoiceSource.Child),
                new("Having the same worker all the way through made a real difference.", VoiceSource.ParentOrCarer),
            ],
            HorizonScanning = ["New national guidance on multi-agency working is expected next quarter."],
            Recommendations =
            [
                new("Share the audit's learning on clear plans through practice briefings.", "Workforce development sub-group"),
                new("Ask each locality lead for the story behind re-referral figures."),
            ],
            ActionsRegister = new ActionsRegisterSection
            {
                AsOf = new DateOnly(2025, 2, 14),
                Actions =
                [
                    new ReportAction("Add the child's own words to every plan review.", "Northbridge Children's Services", new DateOnly(2024, 11, 30), ActionStatus.Completed, measures[0].Measure.Id,
                        "Audit finding", Movement: "Moved in the better direction. Up 8.0 percentage points since it was completed.", EvidenceOfImpact: "Plans audited in January quote the child."),
                    new ReportAction("Action A-3 from case review R-12", "Northbridge Police", new DateOnly(2025, 1, 31), ActionStatus.InProgress, null, "Case review", Overdue: true),
                ],
                ByOrganisation = [new("Northbridge Police", 1, 1)],
                QualitativeEvidence = ["Case audits: Plans that say clearly what should change, 64% in October to December 2024 (50 cases audited); by grade in the latest audit period: Good 40%, Requires improvement 45%."],
            },
        };
    }

    private static ContentAreaSheet Sheet(string id, string title, ContentAreaGroup group, MeasureEvidence[] measures) => new()
    {
        ContentAreaId = id,
        Title = title,
        Group = group,
        WhyItMatters = title + " is one of the areas where children in our partnership are most affected, and where learning from reviews says practice can make the most difference.",
        GoodStatements =
        [
            new(GoodStatementType.Outcome, "Children and families say things are better as a result of the help they received."),
            new(GoodStatementType.Quality, "Plans say clearly what should change for the child, and by when."),
        ],
        Measures = measures,
        StoryBehindTheFigures = "The figures are broadly steady over five years. Where they moved, the services involved have explained why, and the board may wish to explore the variation between localities.\n\n"
            + "Children's and parents' own accounts support the picture the figures give.",
        Actions = measures.Length == 0
            ? []
            :
            [
                new ReportAction("Review a sample of closed cases with families to understand what helped.", "Northbridge Children's Services", new DateOnly(2025, 9, 30), ActionStatus.InProgress, measures[0].Measure.Id,
                    "Audit finding", Movement: "Too early to tell: the action is not completed yet."),
                new ReportAction("Bring the story behind the figures to the next board.", "Northbridge NHS Trust", new DateOnly(2025, 12, 31), ActionStatus.NotStarted, measures[^1].Measure.Id),
            ],
        ScrutinyQuestions =
        [
            "What are the safety and wellbeing outcomes we are trying to deliver in this area?",
            "What are children and parents telling us about their experience?",
            "How will we know if we are making a difference?",
        ],
    };

    private static MeasureEvidence Measure(Random random, SampleBookOptions options, int number)
    {
        var template = MeasureTemplates[(number - 1) % MeasureTemplates.Length];
        var info = new MeasureInfo("m" + Number(number), template.Title, template.Type, template.Source, template.Unit, template.Polarity);
        var months = options.Years * 12;
        var start = template.Unit switch
        {
            MeasureUnit.Percentage => 45 + (random.NextDouble() * 35),
            MeasureUnit.Count => 200 + random.Next(800),
            _ => 20 + (random.NextDouble() * 60),
        };
        var slope = (random.NextDouble() - 0.4) * start / months / 3;

        var own = new SeriesPoint[months];
        var london = new SeriesPoint[months];
        var similar = new SeriesPoint[months];
        for (var i = 0; i < months; i++)
        {
            var label = Months[i % 12] + " " + Number(options.LastYear - options.Years + ((i + 3) / 12));
            own[i] = Point(random, template.Unit, label, start + (slope * i), withInterval: true);
            london[i] = Point(random, template.Unit, label, start * 0.97, withInterval: false);
            similar[i] = Point(random, template.Unit, label, start * 1.02, withInterval: false);
        }

        var comparators = new ComparatorSeries[]
        {
            new("London", ComparatorKind.Region, london),
            new("Similar partnerships", ComparatorKind.Partnership, similar),
        };
        var trend = new MeasureSeries(info, "Northbridge", own, comparators);
        var annual = new MeasureSeries(info, "Northbridge", Annual(own, options), [new("London", ComparatorKind.Region, Annual(london, options))]);
        return new MeasureEvidence(trend, annual);
    }

    private static SeriesPoint Point(Random random, MeasureUnit unit, string label, double centre, bool withInterval)
    {
        var roll = random.NextDouble();
        if (roll < 0.02)
        {
            return SeriesPoint.Suppressed(label, "fewer than 5 cases");
        }

        if (roll < 0.03)
        {
            return SeriesPoint.WithoutValue(label, PointState.NotAvailable, "return not received");
        }

        var noise = (random.NextDouble() - 0.5) * centre * 0.08;
        if (unit != MeasureUnit.Percentage)
        {
            var value = Math.Max(0, Math.Round(centre + noise, unit == MeasureUnit.Count ? 0 : 1));
            return SeriesPoint.Of(label, value);
        }

        var denominator = 40 + random.Next(160);
        var numerator = (int)Math.Clamp(Math.Round((centre + noise) / 100 * denominator), 0, denominator);
        var percentage = Math.Round(100.0 * numerator / denominator, 1);
        return SeriesPoint.Of(label, percentage, withInterval ? Interval.WilsonPercentage(numerator, denominator) : null);
    }

    /// <summary>Yearly means of the monthly figures, labelled by financial year (a year with no figures is "not available").</summary>
    private static SeriesPoint[] Annual(SeriesPoint[] monthly, SampleBookOptions options)
    {
        var years = new SeriesPoint[options.Years];
        for (var y = 0; y < years.Length; y++)
        {
            double sum = 0;
            var n = 0;
            for (var m = y * 12; m < (y + 1) * 12 && m < monthly.Length; m++)
            {
                if (monthly[m].Value is { } value)
                {
                    sum += value;
                    n++;
                }
            }

            var label = YearLabel(options.LastYear - options.Years + y + 1);
            years[y] = n == 0 ? SeriesPoint.WithoutValue(label, PointState.NotAvailable) : SeriesPoint.Of(label, Math.Round(sum / n, 1));
        }

        return years;
    }

    private static Voice[] Voices() =>
    [
        new("My social worker actually listened to me and I could tell she cared about what happened.", VoiceSource.Child),
        new("Nobody had asked me what I thought before. This time they did.", VoiceSource.Child),
        new("They explained everything and did what they said they would do.", VoiceSource.ParentOrCarer),
        new("I was scared at first but things are calmer at home now.", VoiceSource.ParentOrCarer),
        new("Reflective supervision gives me the space to think about what is really happening for the child.", VoiceSource.FrontlineStaff),
        new("Caseloads are high and it can be hard to find time to see children on their own.", VoiceSource.FrontlineStaff),
        new("The strategy meeting was arranged quickly and everyone knew what they had to do.", VoiceSource.PartnerProfessional),
        new("We still don't always hear back after making a referral.", VoiceSource.PartnerProfessional),
    ];

    /// <summary>"2024/25" for the financial year ending in March 2025.</summary>
    private static string YearLabel(int endYear) => Number(endYear - 1) + "/" + (endYear % 100).ToString("00", CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
