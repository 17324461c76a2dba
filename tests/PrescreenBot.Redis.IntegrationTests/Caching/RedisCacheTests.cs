using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using PrescreenBot.Redis.Caching;
using PrescreenBot.Redis.IntegrationTests.Fixtures;

namespace PrescreenBot.Redis.IntegrationTests.Caching;

public sealed class RedisCacheTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    private readonly string _prefix = $"c{Guid.NewGuid():N}:";

    private RedisCache Cache => new(fixture.Client, new RedisCacheOptions { KeyPrefix = _prefix });

    [Fact]
    public async Task SetAsync_ThenGetAsync_ReturnsTheBytes()
    {
        await Cache.SetAsync("a", Encoding.UTF8.GetBytes("value"), new DistributedCacheEntryOptions());

        Encoding.UTF8.GetString((await Cache.GetAsync("a"))!).Should().Be("value");
        (await fixture.Client.TtlAsync(_prefix + "a")).Should().Be(-1, "no expiry was asked for");
    }

    [Fact]
    public async Task GetAsync_MissingKey_ReturnsNull()
    {
        (await Cache.GetAsync("missing")).Should().BeNull();
    }

    [Fact]
    public async Task SetAsync_SlidingExpiry_GetPushesTheTtlOutAgain()
    {
        await Cache.SetAsync("slide", [1], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });
        await fixture.Client.PExpireAsync(_prefix + "slide", TimeSpan.FromSeconds(30));

        await Cache.GetAsync("slide");

        (await fixture.Client.PTtlAsync(_prefix + "slide")).Should().BeGreaterThan((long)TimeSpan.FromMinutes(9).TotalMilliseconds);
    }

    [Fact]
    public async Task RefreshAsync_SlidingCappedByAbsolute_NeverOutlivesTheAbsoluteExpiry()
    {
        await Cache.SetAsync("capped", [1], new DistributedCacheEntryOptions
        {
            SlidingExpiration = TimeSpan.FromHours(1),
            AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(2),
        });

        await Cache.RefreshAsync("capped");

        (await fixture.Client.PTtlAsync(_prefix + "capped")).Should().BeInRange(1, (long)TimeSpan.FromMinutes(2).TotalMilliseconds);
    }

    [Fact]
    public async Task SetAsync_AbsoluteExpiryPassed_GetReturnsNull()
    {
        await Cache.SetAsync("short", [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMilliseconds(200) });

        (await Eventually.BecomesTrueAsync(async () => await Cache.GetAsync("short") is null)).Should().BeTrue();
    }

    [Fact]
    public async Task SetAsync_AbsoluteExpiryInThePast_Throws()
    {
        var act = () => Cache.SetAsync("past", [1], new DistributedCacheEntryOptions { AbsoluteExpiration = DateTimeOffset.UtcNow.AddMinutes(-1) });

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task RemoveAsync_ThenGet_ReturnsNull()
    {
        Cache.Set("gone", [1, 2], new DistributedCacheEntryOptions());

        await Cache.RemoveAsync("gone");

        Cache.Get("gone").Should().BeNull();
    }
}
