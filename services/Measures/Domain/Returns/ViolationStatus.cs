namespace Safeguarding.Measures.Domain;

/// <summary>Where a validation violation stands: open until explained (with a reason), accepted as right, or corrected.</summary>
public enum ViolationStatus
{
    Open,
    Explained,
    Accepted,
    Corrected,
}
