using PrescreenBot.Referrals.IntegrationTests.Infrastructure;
using PrescreenBot.Referrals.Outbox;
using PrescreenBot.Referrals.Storage;

namespace PrescreenBot.Referrals.IntegrationTests.Outbox;

/// <summary>A real process, killed with SIGKILL, then a fresh process on the same database.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ProcessCrashTests(InfrastructureFixture infrastructure)
{
    /// <summary>The child's lease (Referrals:Delivery:Lease in ReferralsApp) plus a margin; the restarted process's clock starts this far ahead.</summary>
    private static readonly TimeSpan PastTheLease = TimeSpan.FromMinutes(3);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Restart_ProcessKilledRightAfterCommit_DeliversExactlyOnce(DatabaseProvider provider)
    {
        var database = await infrastructure.CreateDatabaseAsync(provider);
        await using var receiver = new WebhookReceiver(TestSite.DefaultSecret);
        var (child, referralId) = await ChildProcess.StartAsync(ChildProcess.CommitOnly, database, receiver.Url);
        await ChildProcess.KillAsync(child);

        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var restarted = await ReferralsApp.StartAsync(database, [new TestSite { WebhookUrl = receiver.Url }], time);
        var attempted = await restarted.DrainAsync();
        time.Advance(TimeSpan.FromHours(1));
        attempted += await restarted.DrainAsync();

        attempted.Should().Be(1);
        receiver.Received.Should().ContainSingle().Which.Should().Match<ReceivedWebhook>(request => request.SignatureValid && request.AnsweredStatus == 200);
        var row = (await restarted.Outbox.ListForReferralAsync(referralId)).Single();
        row.State.Should().Be(OutboxStates.Delivered);
        row.AttemptCount.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Restart_ProcessKilledMidDelivery_DeliversOnceMoreWithTheSameWebhookId(DatabaseProvider provider)
    {
        var database = await infrastructure.CreateDatabaseAsync(provider);
        await using var receiver = new WebhookReceiver(TestSite.DefaultSecret);
        receiver.AnswerNext(WebhookReceiver.NeverAnswer);
        var (child, referralId) = await ChildProcess.StartAsync(ChildProcess.CommitAndDeliver, database, receiver.Url);
        await receiver.WaitForRequestsAsync(1);
        await ChildProcess.KillAsync(child);

        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var restarted = await ReferralsApp.StartAsync(database, [new TestSite { WebhookUrl = receiver.Url }], time);
        var beforeLeaseExpiry = await restarted.DrainAsync();
        time.Advance(PastTheLease);
        var afterLeaseExpiry = await restarted.DrainAsync();
        time.Advance(TimeSpan.FromHours(1));
        var later = await restarted.DrainAsync();

        beforeLeaseExpiry.Should().Be(0, "the killed process still holds the lease");
        afterLeaseExpiry.Should().Be(1);
        later.Should().Be(0);
        var row = (await restarted.Outbox.ListForReferralAsync(referralId)).Single();
        row.State.Should().Be(OutboxStates.Delivered);
        receiver.Received.Select(request => request.AnsweredStatus).Should().Equal(WebhookReceiver.NeverAnswer, 200);
        receiver.Received.Should().OnlyContain(request => request.Id == row.Id && request.SignatureValid, "the receiver de-duplicates on webhook-id");
    }
}
