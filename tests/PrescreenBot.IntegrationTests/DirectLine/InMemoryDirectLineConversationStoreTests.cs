using Microsoft.Extensions.Options;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Channels.DirectLine;
using PrescreenBot.Channels.DirectLine.Store;

namespace PrescreenBot.IntegrationTests.DirectLine;

/// <summary>The single-instance store's bounds: the per-conversation cap and idle eviction on a clock the test moves.</summary>
public sealed class InMemoryDirectLineConversationStoreTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AppendAsync_PastTheCap_DropsTheOldestAndWatermarksKeepCounting()
    {
        using var store = Store(cap: 10);
        await store.TryCreateAsync(new DirectLineConversation("c1", "dl_u", _clock.GetUtcNow()), CancellationToken.None);

        for (var i = 0; i < 15; i++)
        {
            await store.AppendAsync("c1", [Message($"m{i}")], CancellationToken.None);
        }

        var all = await store.ReadAsync("c1", 0, CancellationToken.None);
        var newest = await store.ReadAsync("c1", 13, CancellationToken.None);
        all!.Activities.Select(a => a.Watermark).Should().Equal(Enumerable.Range(6, 10).Select(i => (long)i));
        all.Activities[0].Activity.Id.Should().Be("c1|0000006");
        all.Watermark.Should().Be(15);
        newest!.Activities.Select(a => a.Activity.Text).Should().Equal("m13", "m14");
    }

    [Fact]
    public async Task EvictIdle_AfterTheIdleTimeout_RemovesConversationsNobodyStreams()
    {
        using var store = Store(idle: TimeSpan.FromHours(2));
        await store.TryCreateAsync(new DirectLineConversation("idle", "dl_a", _clock.GetUtcNow()), CancellationToken.None);
        await store.TryCreateAsync(new DirectLineConversation("streamed", "dl_b", _clock.GetUtcNow()), CancellationToken.None);
        await store.TryCreateAsync(new DirectLineConversation("recent", "dl_c", _clock.GetUtcNow()), CancellationToken.None);
        await using var subscription = await store.SubscribeAsync("streamed", _ => { }, CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(90));
        await store.AppendAsync("recent", [Message("still here")], CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(31));
        store.EvictIdle();

        (await store.FindAsync("idle", CancellationToken.None)).Should().BeNull();
        (await store.ReadAsync("idle", 0, CancellationToken.None)).Should().BeNull();
        (await store.FindAsync("streamed", CancellationToken.None)).Should().NotBeNull("an open stream keeps its conversation");
        (await store.FindAsync("recent", CancellationToken.None)).Should().NotBeNull("it was active 31 minutes ago");
        store.Count.Should().Be(2);
    }

    [Fact]
    public async Task SubscribeAsync_SeesEveryLaterAppendInOrderAndNothingAfterDisposal()
    {
        using var store = Store();
        await store.TryCreateAsync(new DirectLineConversation("c2", "dl_u", _clock.GetUtcNow()), CancellationToken.None);
        await store.AppendAsync("c2", [Message("before")], CancellationToken.None);
        var seen = new List<long>();

        var subscription = await store.SubscribeAsync("c2", page => seen.AddRange(page.Activities.Select(a => a.Watermark)), CancellationToken.None);
        await store.AppendAsync("c2", [Message("a"), Message("b")], CancellationToken.None);
        await store.AppendAsync("c2", [Message("c")], CancellationToken.None);
        await subscription.DisposeAsync();
        await store.AppendAsync("c2", [Message("after")], CancellationToken.None);

        seen.Should().Equal(2, 3, 4);
        (await store.TryCreateAsync(new DirectLineConversation("c2", "dl_other", _clock.GetUtcNow()), CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task AppendHeldAsync_TellsSubscribersWithTheNextAppendInOnePageButLogsAtOnce()
    {
        using var store = Store();
        await store.TryCreateAsync(new DirectLineConversation("c3", "dl_u", _clock.GetUtcNow()), CancellationToken.None);
        var pages = new List<long[]>();
        await using var subscription = await store.SubscribeAsync("c3", page => pages.Add([.. page.Activities.Select(a => a.Watermark)]), CancellationToken.None);

        var echo = await store.AppendHeldAsync("c3", [Message("echo")], CancellationToken.None);
        var logged = await store.ReadAsync("c3", 0, CancellationToken.None);
        var toldBeforeReplies = pages.Count;
        await store.AppendAsync("c3", [Message("reply 1"), Message("reply 2")], CancellationToken.None);
        await store.ReleaseHeldAsync("c3");

        echo[0].Activity.Id.Should().Be("c3|0000001");
        logged!.Activities.Select(a => a.Activity.Text).Should().Equal("echo");
        toldBeforeReplies.Should().Be(0);
        pages.Should().ContainSingle().Which.Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task ReleaseHeldAsync_WithNothingAppendedSince_TellsTheHeldActivityOnItsOwn()
    {
        using var store = Store();
        await store.TryCreateAsync(new DirectLineConversation("c4", "dl_u", _clock.GetUtcNow()), CancellationToken.None);
        var pages = new List<long[]>();
        await using var subscription = await store.SubscribeAsync("c4", page => pages.Add([.. page.Activities.Select(a => a.Watermark)]), CancellationToken.None);

        await store.AppendHeldAsync("c4", [Message("echo")], CancellationToken.None);
        await store.ReleaseHeldAsync("c4");
        await store.ReleaseHeldAsync("c4");
        await store.ReleaseHeldAsync("gone");

        pages.Should().ContainSingle().Which.Should().Equal(1);
    }

    [Fact]
    public async Task AppendAsync_UnknownConversation_ThrowsNotFound()
    {
        using var store = Store();

        var append = () => store.AppendAsync("nope", [Message("x")], CancellationToken.None);

        (await append.Should().ThrowAsync<DirectLineConversationNotFoundException>()).Which.ConversationId.Should().Be("nope");
    }

    private InMemoryDirectLineConversationStore Store(int cap = 100, TimeSpan? idle = null) =>
        new(Options.Create(new DirectLineOptions { MaxActivitiesPerConversation = cap, IdleTimeout = idle ?? TimeSpan.FromHours(2) }), _clock);

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };
}
