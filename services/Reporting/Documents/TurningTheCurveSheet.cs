namespace Safeguarding.Reporting.Documents;

/// <summary>
/// A Turning the Curve record's sheet in the Report Book: the measure's trend with its forecast (the baseline), the
/// story behind it, the partners with a role to play, what works, and the action plan from the actions register with
/// each action's status and "did it move?". Copied into the snapshot when the book is drafted.
/// </summary>
public sealed record TurningTheCurveSheet
{
    public required string RecordId { get; init; }

    /// <summary>The record's title, else the measure's.</summary>
    public required string Title { get; init; }

    public required string MeasureId { get; init; }

    public required string MeasureTitle { get; init; }

    public required DateOnly HeldOn { get; init; }

    /// <summary>The measure's trend with targets and forecasts; null when the organisation has no figures for it in the book's years.</summary>
    public MeasureSeries? Baseline { get; init; }

    /// <summary>Plain text; blank lines separate paragraphs.</summary>
    public string Story { get; init; } = "";

    public IReadOnlyList<CurveForce> Forces { get; init; } = [];

    public IReadOnlyList<CurvePartnerLine> Partners { get; init; } = [];

    public IReadOnlyList<CurveIdeaLine> WhatWorks { get; init; } = [];

    public IReadOnlyList<ReportAction> Actions { get; init; } = [];

    /// <summary>The QA timetable activity the exercise completed, in words; null when none was linked.</summary>
    public string? Completes { get; init; }
}

/// <summary>A cause or force at work: helping the curve the right way, or holding it back.</summary>
public sealed record CurveForce(bool Helping, string Text);

/// <summary>A partner (an organisation's name, or a role) and what it could do.</summary>
public sealed record CurvePartnerLine(string Partner, string Contribution);

/// <summary>An idea that works: its kind in words ("Evidence-based", "Low-cost or no-cost", "Other idea"), the idea and where the evidence is from.</summary>
public sealed record CurveIdeaLine(string Kind, string Text, string Evidence);
