using PrescreenBot.Turns;

namespace PrescreenBot.IntegrationTests.Turns;

public sealed class ConversationLocksTests
{
    [Fact]
    public async Task AcquireAsync_SameKey_SecondWaitsUntilFirstReleased()
    {
        var locks = new ConversationLocks();
        var first = await locks.AcquireAsync("c1", CancellationToken.None);

        var second = locks.AcquireAsync("c1", CancellationToken.None).AsTask();
        await Task.Yield();

        second.IsCompleted.Should().BeFalse();
        first.Dispose();
        using var acquired = await second;
        locks.ActiveCount.Should().Be(1);
    }

    [Fact]
    public async Task AcquireAsync_DifferentKeys_Independent()
    {
        var locks = new ConversationLocks();
        using var first = await locks.AcquireAsync("c1", CancellationToken.None);

        var other = locks.AcquireAsync("c2", CancellationToken.None);

        other.IsCompleted.Should().BeTrue();
        (await other).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_ManyKeysUsedAndReleased_NothingLeftBehind()
    {
        var locks = new ConversationLocks();

        await Parallel.ForEachAsync(Enumerable.Range(0, 2_000), async (i, ct) =>
        {
            using var held = await locks.AcquireAsync($"c{i % 50}", ct);
            await Task.Yield();
        });

        locks.ActiveCount.Should().Be(0);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ForgottenAndLockStillUsable()
    {
        var locks = new ConversationLocks();
        var held = await locks.AcquireAsync("c1", CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var waiting = locks.AcquireAsync("c1", cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await waiting.Invoking(w => w).Should().ThrowAsync<OperationCanceledException>();
        held.Dispose();
        locks.ActiveCount.Should().Be(0);
        using var again = await locks.AcquireAsync("c1", CancellationToken.None);
        locks.ActiveCount.Should().Be(1);
    }

    [Fact]
    public async Task Releaser_DisposedTwice_ReleasesOnce()
    {
        var locks = new ConversationLocks();
        var held = await locks.AcquireAsync("c1", CancellationToken.None);

        held.Dispose();
        held.Dispose();

        locks.ActiveCount.Should().Be(0);
    }
}
