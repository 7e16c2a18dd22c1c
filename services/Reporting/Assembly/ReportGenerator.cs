using Microsoft.Extensions.Options;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.CaseReviews;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.Proposals;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.Region;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Assembly;

/// <summary>Assembles a new draft report from the read models and narrative as they are now, and stores it.</summary>
internal sealed class ReportGenerator(
    EvidenceLoader loader, IReviewDashboardSource dashboards, IAreaPictureSource areas, ProposalStore proposals, Actions.RegisterForReports register, Planning.TimetableStore timetable, Annotations.AnnotationStore annotations, Targets.TargetStore targets, Curves.CurvesForReports curves, Upkeep.UpkeepLoader upkeep, ReportStore store, IOptions<ReportingOptions> options, IOptions<RegionOptions> region, TimeProvider time, ILogger<ReportGenerator> logger)
{
    /// <param name="credentials">The caller's own, to ask the case reviews service for a partnership's dashboard.</param>
    public async Task<ReportRow> QuarterlyAsync(GenerateQuarterlyReportRequest request, Actor caller, global::Grpc.Core.Metadata credentials, CancellationToken cancellationToken)
    {
        var window = Scope(request.OrganisationCode, request.PeriodCode, months: 3, request.Options is { } o ? problems => Validate(problems, o) : null);
        var set = await EvidenceAsync(request.OrganisationCode, window, QuarterlyAssembler.TrendMonths, cancellationToken);
        Documents.QuarterlyReport document;
        using (ReportingTelemetry.StartDraftPhase("assemble"))
        {
            var series = await SeriesAsync(request.OrganisationCode, cancellationToken);
            document = new QuarterlyAssembler(series, new Exploration(options.Value.Exploration, options.Value.DisclosureThreshold))
                .Assemble(set, request.Options, Today());
            document = await proposals.PrintAcceptedAsync(document, window.Code, cancellationToken);
            if (set.Organisation.Kind == Documents.OrganisationKind.Partnership)
            {
                // Reviews belong to the partnership where the incident happened: its report carries the dashboard.
                document = document with { CaseReviews = await dashboards.GetAsync(set.Organisation.Id, Today(), credentials, cancellationToken) };
            }

            document = document with { Timetable = await TimetableAsync(set, cancellationToken), Upkeep = await upkeep.ForAsync(set, Today(), cancellationToken) };
            document = await register.AddToQuarterlyAsync(document, set, options.Value.DisclosureThreshold, cancellationToken);
            document = await curves.AddToQuarterlyAsync(document, set, cancellationToken);

            if (set.Organisation.Kind == Documents.OrganisationKind.Region)
            {
                // The region holds no partnership's rows: its picture of them comes from the gateway, as the caller may see it.
                var area = await areas.GetAsync(AreaCandidates.From(set, region.Value.EnglandCode, region.Value.MaxMeasures), Today(), credentials, cancellationToken);
                // 4.3 Voices: the stories its partnerships chose to share with it, after the region's own.
                document = document with { Area = area, Voices = [.. document.Voices, .. area?.SharedVoices.Take(QuarterlyAssembler.MaxStories) ?? []] };
            }
        }

        return await StoreAsync(document, ReportKind.Quarterly, window, caller, cancellationToken);
    }

    /// <param name="credentials">The caller's own, to ask the gateway for a region's picture of its partnerships.</param>
    public async Task<ReportRow> BookAsync(GenerateReportBookRequest request, Actor caller, global::Grpc.Core.Metadata credentials, CancellationToken cancellationToken)
    {
        var window = Scope(request.OrganisationCode, request.PeriodCode, months: 12,
            problems => TextRules.Text(problems, "introduction", request.Introduction, NarrativeRules.MaxStoryLength, required: false));
        var set = await EvidenceAsync(request.OrganisationCode, window, BookAssembler.TrendMonths, cancellationToken);
        Documents.ReportBook document;
        using (ReportingTelemetry.StartDraftPhase("assemble"))
        {
            var series = await SeriesAsync(request.OrganisationCode, cancellationToken);
            document = new BookAssembler(series).Assemble(set, request.Introduction, Today()) with { Timetable = await TimetableAsync(set, cancellationToken) };
            document = await register.AddToBookAsync(document, set, cancellationToken) with { Upkeep = await upkeep.ForAsync(set, Today(), cancellationToken) };
            document = await curves.AddToBookAsync(document, set, series, cancellationToken);
            if (set.Organisation.Kind == Documents.OrganisationKind.Region)
            {
                var picture = await areas.GetAsync(AreaCandidates.From(set, region.Value.EnglandCode, region.Value.MaxBookMeasures), Today(), credentials, cancellationToken);
                document = document with { Area = picture?.ByContentArea() };
            }
        }

        return await StoreAsync(document, ReportKind.Book, window, caller, cancellationToken);
    }

    private async Task<EvidenceSet> EvidenceAsync(string organisationCode, PeriodSpan window, int trendMonths, CancellationToken cancellationToken)
    {
        using var phase = ReportingTelemetry.StartDraftPhase("evidence");
        return await loader.LoadAsync(organisationCode, window, trendMonths, cancellationToken);
    }

    private async Task<ReportRow> StoreAsync(Documents.ReportDocument document, ReportKind kind, PeriodSpan window, Actor caller, CancellationToken cancellationToken)
    {
        ReportRow row;
        using (ReportingTelemetry.StartDraftPhase("store"))
        {
            row = await store.CreateDraftAsync(document, kind, window.Code, caller, cancellationToken);
        }

        ReportingTelemetry.Tag(row.OrganisationCode, kind.ToString(), row.Id);
        ReportingTelemetry.ReportsGenerated.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));
        ReportingLog.Generated(logger, kind.ToString(), row.Id, row.OrganisationCode);
        return row;
    }

    // The QA timetable's coverage for the years around the report's period, as it stands on the day it is drafted.
    private Task<Planning.Coverage> TimetableAsync(EvidenceSet set, CancellationToken cancellationToken) =>
        timetable.ForReportAsync(set.Organisation.Id, set.Profile, id => set.ContentAreas.GetValueOrDefault(id)?.Title is { Length: > 0 } t ? t : null, set.Window.Start, Today(), cancellationToken);

    // Annotations, targets and forecasts as they stand on the day the report is drafted: the document keeps its copy.
    private async Task<SeriesBuilder> SeriesAsync(string organisationCode, CancellationToken cancellationToken) =>
        new(options.Value.DisclosureThreshold, await annotations.IndexAsync(organisationCode, cancellationToken), await targets.IndexAsync(organisationCode, cancellationToken));

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static PeriodSpan Scope(string organisationCode, string periodCode, int months, Action<List<FieldProblem>>? more)
    {
        var problems = new List<FieldProblem>();
        TextRules.Code(problems, "organisation_code", organisationCode);
        if (!PeriodSpan.TryParse(periodCode, out var window) || window.Months != months)
        {
            problems.Add(new FieldProblem("period_code", months == 3
                ? "must be a quarter's period code, e.g. 2024-10/P3M"
                : "must be a year's period code, e.g. 2024-04/P12M"));
        }

        more?.Invoke(problems);
        return problems.Count > 0 ? throw RpcErrors.InvalidArgument(problems) : window;
    }

    private static void Validate(List<FieldProblem> problems, QuarterlyReportOptions options)
    {
        TextRules.Date(problems, "options.meeting_date", options.MeetingDate, required: false);
        TextRules.Text(problems, "options.purpose", options.Purpose, NarrativeRules.MaxShortTextLength, required: false);
        TextRules.Text(problems, "options.introduction", options.Introduction, NarrativeRules.MaxStoryLength, required: false);
        TextRules.Text(problems, "options.quarter_focus", options.QuarterFocus, 200, required: false);
        for (var i = 0; i < options.AuthorRoles.Count; i++)
        {
            TextRules.Text(problems, $"options.author_roles[{i}]", options.AuthorRoles[i], 100);
        }
    }
}
