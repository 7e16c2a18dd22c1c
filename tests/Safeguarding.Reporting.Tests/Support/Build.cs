using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Tests.Support;

/// <summary>Small fictional documents built around the series a test cares about.</summary>
internal static class Build
{
    public static MeasureInfo Percentage(string id = "m1", string title = "% of children seen alone at visits") =>
        new(id, title, MeasureType.Quality, EvidenceSource.CaseRecords, MeasureUnit.Percentage, Polarity.HigherIsBetter);

    public static MeasureSeries Series(MeasureInfo measure, params SeriesPoint[] points) =>
        new(measure, "Northbridge", points, []);

    public static ReportBook Book(params MeasureEvidence[] measures) => new()
    {
        Title = "Safeguarding Children Report Book 2024/25",
        Organisation = new OrganisationRef("northbridge", "Northbridge Safeguarding Children Partnership", OrganisationKind.Partnership),
        Period = new ReportPeriod("April 2024 to March 2025", new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31)),
        PublishedOn = new DateOnly(2025, 6, 30),
        Version = "1.0",
        Sheets =
        [
            new ContentAreaSheet
            {
                ContentAreaId = "neglect",
                Title = "Neglect",
                Group = ContentAreaGroup.Practice,
                WhyItMatters = "Neglect is the most common reason for a child protection plan.",
                StoryBehindTheFigures = "The figures are steady.",
                Measures = measures,
            },
        ],
        Stories = new StorySheet("", [new Voice("They listened to me.", VoiceSource.Child)]),
        Balance = BalanceOfInformation.From("2024/25", measures.Select(m => m.Measure)),
    };

    public static string[] Months(int count) =>
        Enumerable.Range(0, count).Select(i => new DateOnly(2024, 4, 1).AddMonths(i).ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
