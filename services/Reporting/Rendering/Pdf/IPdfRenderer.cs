namespace Safeguarding.Reporting.Rendering.Pdf;

/// <summary>
/// Prints a self-contained HTML page to PDF. Behind an interface so the service runs without a browser
/// where PDF is not needed (register no implementation, or one that refuses).
/// </summary>
public interface IPdfRenderer
{
    Task<byte[]> RenderPdfAsync(string html, CancellationToken cancellationToken = default);
}
