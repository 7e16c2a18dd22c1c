using Safeguarding.Platform.Events.RabbitMq;

namespace Safeguarding.Platform.Events.Tests;

/// <summary>When a committed batch may be acknowledged with one multiple ack (no broker needed).</summary>
public sealed class RabbitMqSettlerTests
{
    [Fact]
    public void A_batch_holding_every_unsettled_tag_up_to_its_last_is_acked_with_one_multiple_ack()
    {
        var settler = Tracked(1, 2, 3, 4, 5);

        Assert.True(settler.TakeForMultipleAck([1, 2, 3]));
        Assert.True(settler.TakeForMultipleAck([4, 5]));
    }

    [Fact]
    public void Interleaved_batches_of_concurrent_workers_are_acked_tag_by_tag()
    {
        var settler = Tracked(1, 2, 3, 4, 5, 6);

        // Worker A holds 1, 3, 5 and worker B holds 2, 4, 6: a multiple ack for 5 would also ack 2 and 4.
        Assert.False(settler.TakeForMultipleAck([1, 3, 5]));
        // B's tags are now all that is unsettled up to 6.
        Assert.True(settler.TakeForMultipleAck([2, 4, 6]));
    }

    [Fact]
    public void A_later_batch_settled_first_is_acked_tag_by_tag()
    {
        var settler = Tracked(1, 2, 3, 4);

        Assert.False(settler.TakeForMultipleAck([3, 4]));
        Assert.True(settler.TakeForMultipleAck([1, 2]));
    }

    [Fact]
    public void A_single_delivery_is_never_a_multiple_ack()
    {
        var settler = Tracked(7);

        Assert.False(settler.TakeForMultipleAck([7]));
    }

    private static RabbitMqSettler Tracked(params ulong[] tags)
    {
        // The decision needs no channel; settling does.
        var settler = new RabbitMqSettler(null!);
        foreach (var tag in tags)
        {
            settler.Track(tag);
        }

        return settler;
    }
}
