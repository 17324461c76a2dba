using PrescreenBot.Referrals.IntegrationTests.Infrastructure;
using PrescreenBot.Referrals.Outbox;
using PrescreenBot.Referrals.Referrals;
using PrescreenBot.Referrals.Storage;

namespace PrescreenBot.Referrals.IntegrationTests.Outbox;

/// <summary>What the portal reads and does with outbox rows: their states for a page of referrals, and a manual retry.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OutboxStorePortalTests(InfrastructureFixture infrastructure)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListForReferralsAsync_SeveralReferrals_ReturnsTheRowsOfThoseOnly(DatabaseProvider provider)
    {
        var site = new TestSite { Emails = ["c@site.example"], WebhookUrl = "http://127.0.0.1:9/referrals" };
        await using var app = await ReferralsApp.StartAsync(await infrastructure.CreateDatabaseAsync(provider), [site], new ManualTimeProvider());
        var first = (await app.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;
        var second = (await app.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;
        await app.Referrals.CreateAsync(TestReferrals.Request());

        var rows = await app.Outbox.ListForReferralsAsync([first, second]);

        rows.Should().HaveCount(4);
        rows.Select(row => row.ReferralId).Distinct().Should().BeEquivalentTo([first, second]);
        rows.Where(row => row.ReferralId == first).Select(row => row.Channel).Should().BeEquivalentTo([OutboxChannels.Email, OutboxChannels.Webhook]);
        (await app.Outbox.ListForReferralsAsync([])).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RetryDeadAsync_DeadRowAndReceiverBackUp_DeliveredWithTheSameIdOnOneMoreAttempt(DatabaseProvider provider)
    {
        var time = new ManualTimeProvider();
        await using var receiver = new WebhookReceiver(TestSite.DefaultSecret);
        receiver.AnswerNext(500, 500, 500, 500);
        await using var app = await ReferralsApp.StartAsync(
            await infrastructure.CreateDatabaseAsync(provider), [new TestSite { WebhookUrl = receiver.Url }], time);
        var referralId = (await app.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;
        await DeadLetterAsync(app, time);
        var dead = (await app.Outbox.ListForReferralAsync(referralId)).Single();
        dead.State.Should().Be(OutboxStates.Dead);

        var retried = await app.Outbox.RetryDeadAsync(referralId, dead.Id, time.GetUtcNow());
        var status = (await app.Store.FindAsync(referralId))!.Status;
        var attempted = await app.DrainAsync();

        retried.Should().BeTrue();
        status.Should().Be(ReferralStatus.Pending);
        attempted.Should().Be(1);
        var row = (await app.Outbox.ListForReferralAsync(referralId)).Single();
        row.State.Should().Be(OutboxStates.Delivered);
        row.AttemptCount.Should().Be(5, "four failed attempts, then the retried one");
        receiver.Received.Select(request => request.Id).Distinct().Should().Equal(dead.Id);
        (await app.Store.FindAsync(referralId))!.Status.Should().Be(ReferralStatus.Delivered);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RetryDeadAsync_ReceiverStillDown_DeadAgainAfterOneAttempt(DatabaseProvider provider)
    {
        var time = new ManualTimeProvider();
        using var nobodyListens = new RefusedPort(); // held for the whole test, so no other test process can start a server there
        var deadUrl = $"http://127.0.0.1:{nobodyListens.Port}/referrals";
        await using var app = await ReferralsApp.StartAsync(
            await infrastructure.CreateDatabaseAsync(provider), [new TestSite { WebhookUrl = deadUrl }], time);
        var referralId = (await app.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;
        await DeadLetterAsync(app, time);
        var dead = (await app.Outbox.ListForReferralAsync(referralId)).Single();

        (await app.Outbox.RetryDeadAsync(referralId, dead.Id, time.GetUtcNow())).Should().BeTrue();
        (await app.DrainAsync()).Should().Be(1);

        var row = (await app.Outbox.ListForReferralAsync(referralId)).Single();
        row.State.Should().Be(OutboxStates.Dead);
        row.AttemptCount.Should().Be(5);
        (await app.Store.FindAsync(referralId))!.Status.Should().Be(ReferralStatus.DeliveryFailed);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RetryDeadAsync_RowNotDeadOrOfAnotherReferral_ChangesNothing(DatabaseProvider provider)
    {
        var time = new ManualTimeProvider();
        await using var app = await ReferralsApp.StartAsync(
            await infrastructure.CreateDatabaseAsync(provider), [new TestSite { Emails = ["c@site.example"] }], time);
        var first = (await app.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;
        var second = (await app.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;
        var pending = (await app.Outbox.ListForReferralAsync(first)).Single();

        (await app.Outbox.RetryDeadAsync(first, pending.Id, time.GetUtcNow())).Should().BeFalse("a pending row is not dead");
        (await app.Outbox.RetryDeadAsync(second, pending.Id, time.GetUtcNow())).Should().BeFalse("the row belongs to another referral");
        (await app.Outbox.RetryDeadAsync(first, "msg_unknown", time.GetUtcNow())).Should().BeFalse();

        (await app.Outbox.ListForReferralAsync(first)).Single().Should().BeEquivalentTo(pending);
    }

    /// <summary>Runs the dispatcher until the test configuration's four attempts are spent.</summary>
    private static async Task DeadLetterAsync(ReferralsApp app, ManualTimeProvider time)
    {
        for (var round = 0; round < 10; round++)
        {
            await app.DrainAsync();
            time.Advance(TimeSpan.FromMinutes(1));
        }
    }
}
