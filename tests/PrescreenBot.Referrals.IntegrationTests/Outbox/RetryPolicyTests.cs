using PrescreenBot.Referrals.Outbox;
using PrescreenBot.Referrals.Referrals;

namespace PrescreenBot.Referrals.IntegrationTests.Outbox;

public sealed class RetryPolicyTests
{
    private static readonly DeliveryOptions Options = new()
    {
        MaxAttempts = 5,
        BaseDelay = TimeSpan.FromSeconds(30),
        MaxDelay = TimeSpan.FromMinutes(5),
    };

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(5, 300)]
    [InlineData(40, 300)]
    public void DelayAfter_AttemptsMade_IsBetweenHalfAndAllOfTheCappedExponentialDelay(int attemptsMade, int ceilingSeconds)
    {
        var lowest = new RetryPolicy(Options, () => 0.0).DelayAfter(attemptsMade);
        var highest = new RetryPolicy(Options, () => 1.0).DelayAfter(attemptsMade);

        lowest.Should().Be(TimeSpan.FromSeconds(ceilingSeconds / 2.0));
        highest.Should().Be(TimeSpan.FromSeconds(ceilingSeconds));
    }

    [Fact]
    public void IsExhausted_AtTheMaximum_IsTrueOnlyThen()
    {
        var policy = new RetryPolicy(Options);

        policy.IsExhausted(4).Should().BeFalse();
        policy.IsExhausted(5).Should().BeTrue();
    }
}
