using PrescreenBot.Referrals.Delivery.Webhook;

namespace PrescreenBot.Referrals.IntegrationTests.Delivery.Webhook;

public sealed class WebhookSignerTests
{
    [Fact]
    public void Sign_StandardWebhooksExample_MatchesPublishedSignature()
    {
        // The example in the Standard Webhooks specification.
        var key = WebhookSecret.Parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        var signature = WebhookSigner.Sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");

        signature.Should().Be("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    [Fact]
    public void TryParse_RawSecretOf24Bytes_UsesItsUtf8Bytes()
    {
        WebhookSecret.TryParse("abcdefghijklmnopqrstuvwx", out var key, out var error).Should().BeTrue();

        error.Should().BeNull();
        key.Should().Equal("abcdefghijklmnopqrstuvwx"u8.ToArray());
    }

    [Theory]
    [InlineData("short-secret", "12 bytes")]
    [InlineData("whsec_c2hvcnQ=", "5 bytes")]
    [InlineData("whsec_not base64!", "base64")]
    [InlineData("", "empty")]
    public void TryParse_UnusableSecret_ExplainsWhy(string secret, string expected)
    {
        WebhookSecret.TryParse(secret, out var key, out var error).Should().BeFalse();

        key.Should().BeEmpty();
        error.Should().Contain(expected);
    }
}
