using Google.Rpc;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Web.Forms;

/// <summary>One error: the input it belongs to (its id, so the error summary can link to it) and what to do.</summary>
public sealed record FieldError(string InputId, string Message);

/// <summary>
/// A form's errors in the order of its inputs, for the GOV.UK error summary and the messages beside each input.
/// Filled by the page's own checks and from a service's INVALID_ARGUMENT (its google.rpc BadRequest field violations).
/// </summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string inputId, string message) => _errors.Add(new FieldError(inputId, message));

    /// <summary>The first message for an input, or null.</summary>
    public string? For(string inputId) => _errors.FirstOrDefault(e => e.InputId == inputId)?.Message;

    /// <summary>
    /// A service's field violations as this form's errors. <paramref name="inputs"/> maps a request field path
    /// ("value.amount"; a prefix covers the fields under it) to the input and the words a person knows it by;
    /// a field the form has no input for goes to <paramref name="fallbackInput"/>. Returns false when the
    /// refusal was not about the fields (then the caller shows it as a problem).
    /// </summary>
    public bool AddFrom(RpcException refusal, IReadOnlyList<(string Field, string InputId, string Label)> inputs, string fallbackInput)
    {
        if (refusal.StatusCode != StatusCode.InvalidArgument || refusal.GetDetail<BadRequest>() is not { FieldViolations.Count: > 0 } badRequest)
        {
            return false;
        }

        foreach (var violation in badRequest.FieldViolations)
        {
            var match = inputs.FirstOrDefault(i => violation.Field == i.Field || violation.Field.StartsWith(i.Field + ".", StringComparison.Ordinal));
            Add(match.InputId ?? fallbackInput, $"{match.Label ?? "The answer"} {violation.Description}");
        }

        return true;
    }

    /// <summary>As a plain list, to carry across a redirect (TempData holds strings).</summary>
    public List<FieldError> ToList() => [.. _errors];

    public static FieldErrors Of(IEnumerable<FieldError>? errors)
    {
        var result = new FieldErrors();
        result._errors.AddRange(errors ?? []);
        return result;
    }
}
