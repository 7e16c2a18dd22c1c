namespace Safeguarding.Measures.Application.Returns;

/// <summary>
/// The acting organisation may not take this step on this return (an agency approving its own, a partnership
/// accepting, anyone acting on a return outside its part of the tree): PERMISSION_DENIED naming the field.
/// </summary>
public sealed class ReturnStepNotAllowedException(string field, string description) : Exception(description)
{
    public string Field { get; } = field;
}
