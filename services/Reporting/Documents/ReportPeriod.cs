namespace Safeguarding.Reporting.Documents;

/// <summary>The period a report covers, with the label boards know it by (e.g. "October to December 2018 (Quarter 3)").</summary>
public sealed record ReportPeriod
{
    public ReportPeriod(string label, DateOnly start, DateOnly end)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        if (end < start)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(end));
        }

        Label = label;
        Start = start;
        End = end;
    }

    public string Label { get; }

    public DateOnly Start { get; }

    public DateOnly End { get; }
}
