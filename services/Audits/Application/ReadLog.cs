using Safeguarding.Audits.Persistence;

namespace Safeguarding.Audits.Application;

/// <summary>Records who read or exported row-level audit data (DESIGN §4); saved with the caller's unit of work.</summary>
public sealed class ReadLog(AuditsDbContext db, TimeProvider time)
{
    public void Add(Access access, string action, string resourceType, string resourceId)
    {
        ArgumentNullException.ThrowIfNull(access);
        db.ReadLog.Add(new ReadLogRow
        {
            At = time.GetUtcNow().UtcDateTime,
            UserId = access.UserId,
            OrganisationCode = access.Target.Code,
            Action = action,
            ResourceType = resourceType,
            ResourceId = resourceId,
        });
    }
}
