using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.Returns;

namespace Safeguarding.Reporting.Upkeep;

/// <summary>What one organisation's upkeep is judged from, read once from the read models, narrative and targets.</summary>
internal sealed record UpkeepFacts(string Code, string Name, IReadOnlyList<ReturnFact> Returns, IReadOnlyList<MeasureFact> Measures);

/// <summary>A dataset period the organisation takes part in, its due date and its return (null: nobody acted on it).</summary>
internal sealed record ReturnFact(string Dataset, PeriodSpan Period, DateOnly DueOn, ReturnRow? Row);

/// <summary>A measure in use: its latest figure's period, and whether it has a figure, a story and a target or forecast.</summary>
internal sealed record MeasureFact(string Title, PeriodSpan Latest, bool FigureInPeriod, bool HasStory, bool HasTargetOrForecast);
