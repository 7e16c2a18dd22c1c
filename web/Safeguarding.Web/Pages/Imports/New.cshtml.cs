using Microsoft.AspNetCore.Mvc;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.CsvImports;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.CsvImports;

/// <summary>
/// Upload a CSV with a mapping (GOV.UK file upload): checked here for being there, a CSV and not too big; the
/// service checks everything else, row by row, and the progress page shows its report.
/// </summary>
[RequestSizeLimit(MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + (1024 * 1024))]
public sealed class NewModel(WebSessions sessions, GatewayCalls gateway, ImportsGateway imports, ImportJobs jobs) : SignedInPageModel(sessions, gateway)
{
    public const long MaxBytes = 50L * 1024 * 1024;

    [BindProperty]
    public string? MappingId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool DefineMissingMeasures { get; set; }

    [BindProperty]
    public bool DryRun { get; set; }

    public IReadOnlyList<ImportMapping> Mappings { get; private set; } = [];

    public FieldErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Problem is not null)
        {
            return Page();
        }

        var mapping = Mappings.FirstOrDefault(m => m.Id == MappingId);
        if (mapping is null)
        {
            Errors.Add("mapping", "Select the mapping that describes the file");
        }

        if (Upload is null || Upload.Length == 0)
        {
            Errors.Add("file", "Select a CSV file");
        }
        else if (!Path.GetExtension(Upload.FileName).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            Errors.Add("file", "The selected file must be a CSV");
        }
        else if (Upload.Length > MaxBytes)
        {
            Errors.Add("file", "The selected file must be smaller than 50MB");
        }

        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Spooled to disk so a large file is neither held in memory nor tied to this request.
        var spooled = new FileInfo(Path.Combine(Path.GetTempPath(), "sg-web-import-" + Guid.NewGuid().ToString("N") + ".csv"));
        await using (var target = spooled.Create())
        {
            await Upload!.CopyToAsync(target, cancellationToken);
        }

        var header = new ImportCsvHeader
        {
            MappingId = mapping!.Id,
            MappingVersion = mapping.Version,
            FileName = Path.GetFileName(Upload.FileName),
            DryRun = DryRun,
            DefineMissingMeasures = DefineMissingMeasures,
        };
        spooled.Refresh();
        var job = jobs.Start(Person, header, mapping.Title, spooled);
        return Redirect("/imports/" + job.Id);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken) =>
        await AskAsync(async () => Mappings = [.. (await imports.MappingsAsync(Person, cancellationToken)).OrderBy(m => m.Title, StringComparer.CurrentCulture)]);
}
