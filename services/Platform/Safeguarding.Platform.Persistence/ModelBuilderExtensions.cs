using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Persistence.Inbox;
using Safeguarding.Platform.Persistence.Outbox;

namespace Safeguarding.Platform.Persistence;

/// <summary>Adds the platform's outbox and inbox tables to a service's EF Core model.</summary>
public static class ModelBuilderExtensions
{
    /// <summary>
    /// Maps <see cref="OutboxMessage"/> to <c>platform_outbox</c> and <see cref="InboxMessage"/> to
    /// <c>platform_inbox</c>. Call from <c>OnModelCreating</c>; the tables themselves are created by the
    /// platform migrations that <c>AddPlatformPersistence</c> always runs first.
    /// </summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("platform_outbox");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).HasColumnName("id").ValueGeneratedOnAdd();
            outbox.Property(m => m.EventId).HasColumnName("event_id").IsRequired();
            outbox.Property(m => m.Topic).HasColumnName("topic").IsRequired();
            outbox.Property(m => m.Subject).HasColumnName("subject").IsRequired();
            outbox.Property(m => m.Type).HasColumnName("type").IsRequired();
            outbox.Property(m => m.Envelope).HasColumnName("envelope").IsRequired();
            outbox.Property(m => m.CreatedAt).HasColumnName("created_at");
            outbox.Property(m => m.Attempts).HasColumnName("attempts");
            outbox.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            outbox.Property(m => m.SentAt).HasColumnName("sent_at");
            outbox.Property(m => m.LastError).HasColumnName("last_error");
            outbox.HasIndex(m => m.EventId).IsUnique();
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("platform_inbox");
            inbox.HasKey(m => new { m.Consumer, m.EventId });
            inbox.Property(m => m.Consumer).HasColumnName("consumer");
            inbox.Property(m => m.EventId).HasColumnName("event_id");
            inbox.Property(m => m.Topic).HasColumnName("topic").IsRequired();
            inbox.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        });
        return modelBuilder;
    }
}
