using Microsoft.EntityFrameworkCore;
using Safeguarding.Reporting.Proposals;

namespace Safeguarding.Reporting.Actions;

/// <summary>Maps the tables of 0005_actions_register.sql.</summary>
internal static class ActionsMapping
{
    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ActionRow>(e =>
        {
            e.ToTable("register_actions");
            e.HasKey(r => r.Id);
            e.Property(r => r.Etag).IsConcurrencyToken();
        });
        modelBuilder.Entity<ProposalRow>(e =>
        {
            e.ToTable("report_proposals");
            e.HasKey(r => r.Id);
            e.Property(r => r.Etag).IsConcurrencyToken();
        });
    }
}
