using System.Threading.Channels;
using PrescreenBot.Redis.IntegrationTests.Fixtures;
using PrescreenBot.Redis.PubSub;

namespace PrescreenBot.Redis.IntegrationTests.PubSub;

public sealed class RedisSubscriberTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task SubscribeAsync_MessagePublished_ArrivesOnTheReader()
    {
        await using var subscriber = fixture.Client.CreateSubscriber();
        var channel = RedisServerFixture.UniqueKey("channel");
        await using var subscription = await subscriber.SubscribeAsync(channel);

        (await fixture.Client.PublishAsync(channel, "hello\r\nworld")).Should().Be(1);

        var message = await subscription.Messages.ReadAsync().AsTask().WithinAsync();
        message.Channel.Should().Be(channel);
        message.Text.Should().Be("hello\r\nworld");
        message.Pattern.Should().BeNull();
    }

    [Fact]
    public async Task PSubscribeAsync_MatchingChannels_DeliversWithPattern()
    {
        await using var subscriber = fixture.Client.CreateSubscriber();
        var prefix = RedisServerFixture.UniqueKey("conv");
        await using var subscription = await subscriber.PSubscribeAsync(prefix + ":*");

        await fixture.Client.PublishAsync(prefix + ":a", "1");
        await fixture.Client.PublishAsync("elsewhere", "x");
        await fixture.Client.PublishAsync(prefix + ":b", "2");

        var first = await subscription.Messages.ReadAsync().AsTask().WithinAsync();
        var second = await subscription.Messages.ReadAsync().AsTask().WithinAsync();
        new[] { first.Channel, second.Channel }.Should().Equal(prefix + ":a", prefix + ":b");
        first.Pattern.Should().Be(prefix + ":*");
    }

    [Fact]
    public async Task SubscribeAsync_WithHandler_CallsItInOrder()
    {
        await using var subscriber = fixture.Client.CreateSubscriber();
        var channel = RedisServerFixture.UniqueKey("handler");
        var received = Channel.CreateUnbounded<string>();
        await using var subscription = await subscriber.SubscribeAsync(channel, (m, _) => received.Writer.WriteAsync(m.Text));

        for (var i = 0; i < 100; i++)
        {
            await fixture.Client.PublishAsync(channel, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var texts = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            texts.Add(await received.Reader.ReadAsync().AsTask().WithinAsync());
        }

        texts.Should().Equal(Enumerable.Range(0, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task DisposeAsync_Subscription_UnsubscribesOnTheServer()
    {
        await using var subscriber = fixture.Client.CreateSubscriber();
        var channel = RedisServerFixture.UniqueKey("bye");
        var subscription = await subscriber.SubscribeAsync(channel);

        await subscription.DisposeAsync();

        (await Eventually.BecomesTrueAsync(async () => await fixture.Client.PublishAsync(channel, "anyone?") == 0)).Should().BeTrue();
        subscription.Messages.Completion.IsCompleted.Should().BeTrue();
    }
}

/// <summary>Own server: it is restarted under the subscriber.</summary>
public sealed class RedisSubscriberRestartTests
{
    [Fact]
    public async Task SubscribeAsync_RedisRestarted_ResubscribesAndRaisesReconnected()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = new RedisClient(server.Configuration);
        await using var subscriber = client.CreateSubscriber();
        await client.WaitUntilConnectedAsync(Eventually.DefaultLimit);
        await using var subscription = await Eventually.SucceedsAsync(() => subscriber.SubscribeAsync("activities"));
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        subscriber.Reconnected += () => reconnected.TrySetResult();

        await server.RestartAsync();
        await reconnected.Task.WithinAsync();

        (await Eventually.BecomesTrueAsync(async () => await Eventually.SucceedsAsync(() => client.PublishAsync("activities", "after")) == 1))
            .Should().BeTrue();
        (await subscription.Messages.ReadAsync().AsTask().WithinAsync()).Text.Should().Be("after");
    }
}

/// <summary>Own (absent) server.</summary>
public sealed class RedisSubscriberUnavailableTests
{
    [Fact]
    public async Task SubscribeAsync_RedisDown_FailsFastWithConnectionException()
    {
        using var nobodyListens = new RefusedPort();
        await using var client = new RedisClient($"127.0.0.1:{nobodyListens.Port},syncTimeout=30000");
        await using var subscriber = client.CreateSubscriber();

        var act = () => subscriber.SubscribeAsync("nobody-home").WithinAsync(TimeSpan.FromSeconds(20));

        await act.Should().ThrowAsync<RedisConnectionException>();
    }
}
