using Microsoft.EntityFrameworkCore;
using Safeguarding.Reporting.Narrative;

namespace Safeguarding.Reporting.Persistence;

/// <summary>Maps the tables of 0002_narrative.sql.</summary>
internal static class NarrativeMapping
{
    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NarrativeEntryRow>(e =>
        {
            e.ToTable("narrative_entries");
            e.HasKey(r => r.Id);
            e.Property(r => r.Etag).IsConcurrencyToken();
        });
        modelBuilder.Entity<ProfileRow>(e =>
        {
            e.ToTable("reporting_profiles");
            e.HasKey(r => r.OrganisationCode);
            e.Property(r => r.Etag).IsConcurrencyToken();
        });
    }
}
