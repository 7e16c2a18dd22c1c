namespace Safeguarding.Reporting.Rendering.Pdf;

/// <summary>The browser needed for PDF output is not installed or would not start.</summary>
public sealed class PdfRendererUnavailableException : Exception
{
    public PdfRendererUnavailableException()
    {
    }

    public PdfRendererUnavailableException(string message)
        : base(message)
    {
    }

    public PdfRendererUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
