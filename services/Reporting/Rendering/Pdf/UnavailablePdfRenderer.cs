namespace Safeguarding.Reporting.Rendering.Pdf;

/// <summary>For instances that run without a browser: PDF requests fail clearly instead of hanging.</summary>
public sealed class UnavailablePdfRenderer : IPdfRenderer
{
    public Task<byte[]> RenderPdfAsync(string html, CancellationToken cancellationToken = default) =>
        Task.FromException<byte[]>(new PdfRendererUnavailableException("PDF output is not enabled on this instance."));
}
