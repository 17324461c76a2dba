using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PrescreenBot.Referrals.Diagnostics;
using PrescreenBot.Referrals.IntegrationTests.Infrastructure;
using PrescreenBot.Referrals.Outbox;
using PrescreenBot.Referrals.Referrals;
using PrescreenBot.Referrals.Storage;

namespace PrescreenBot.Referrals.IntegrationTests.Outbox;

[Collection(InfrastructureCollection.Name)]
public sealed class OutboxDispatcherTests(InfrastructureFixture infrastructure)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DispatchDueAsync_ProcessKilledBetweenCommitAndDelivery_DeliversExactlyOnceAfterRestart(DatabaseProvider provider)
    {
        var database = await infrastructure.CreateDatabaseAsync(provider);
        var smtp = await infrastructure.SmtpAsync();
        await using var receiver = new WebhookReceiver(TestSite.DefaultSecret);
        var site = new TestSite { Emails = ["coordinator@site.example"], WebhookUrl = receiver.Url };
        var time = new ManualTimeProvider();

        // Process 1 commits the referral, and its dispatcher claims the rows, then the process dies mid-delivery.
        string referralId;
        await using (var crashed = await ReferralsApp.StartAsync(database, [site], time, smtp.Port))
        {
            referralId = (await crashed.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;
            var claimed = await crashed.Outbox.ClaimDueAsync(crashed.Dispatcher.InstanceId, time.GetUtcNow(), TimeSpan.FromMinutes(2), 10, CancellationToken.None);
            claimed.Should().HaveCount(2);
        }

        // Process 2 starts on the same database: the dead process's leases hold until they expire.
        await using var restarted = await ReferralsApp.StartAsync(database, [site], time, smtp.Port);
        (await restarted.DrainAsync()).Should().Be(0);
        time.Advance(TimeSpan.FromMinutes(2));
        (await restarted.DrainAsync()).Should().Be(2);
        time.Advance(TimeSpan.FromHours(1));
        (await restarted.DrainAsync()).Should().Be(0);

        (await smtp.WaitForMessagesAsync(referralId, 1)).Should().ContainSingle();
        receiver.Received.Should().ContainSingle().Which.SignatureValid.Should().BeTrue();
        var rows = await restarted.Outbox.ListForReferralAsync(referralId);
        rows.Should().OnlyContain(row => row.State == OutboxStates.Delivered && row.AttemptCount == 1);
        (await restarted.Store.FindAsync(referralId))!.Status.Should().Be(ReferralStatus.Delivered);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DispatchDueAsync_CommittedButNeverClaimed_NewProcessDeliversOnce(DatabaseProvider provider)
    {
        var database = await infrastructure.CreateDatabaseAsync(provider);
        await using var receiver = new WebhookReceiver(TestSite.DefaultSecret);
        var site = new TestSite { WebhookUrl = receiver.Url };
        var time = new ManualTimeProvider();
        string referralId;
        await using (var crashed = await ReferralsApp.StartAsync(database, [site], time))
        {
            referralId = (await crashed.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;
        }

        await using var restarted = await ReferralsApp.StartAsync(database, [site], time);
        (await restarted.DrainAsync()).Should().Be(1);
        time.Advance(TimeSpan.FromHours(1));
        (await restarted.DrainAsync()).Should().Be(0);

        receiver.Received.Should().ContainSingle();
        (await restarted.Outbox.ListForReferralAsync(referralId)).Single().State.Should().Be(OutboxStates.Delivered);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DispatchDueAsync_ReceiverAnswers500Then200_OneRetryWithSameWebhookIdAndOneDeliveryRecorded(DatabaseProvider provider)
    {
        await using var receiver = new WebhookReceiver(TestSite.DefaultSecret);
        receiver.AnswerNext(500);
        var time = new ManualTimeProvider();
        await using var app = await ReferralsApp.StartAsync(
            await infrastructure.CreateDatabaseAsync(provider), [new TestSite { WebhookUrl = receiver.Url }], time);
        var referralId = (await app.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;

        (await app.DrainAsync()).Should().Be(1);
        var afterFailure = (await app.Outbox.ListForReferralAsync(referralId)).Single();
        time.Advance(TimeSpan.FromMinutes(1));
        (await app.DrainAsync()).Should().Be(1);
        time.Advance(TimeSpan.FromHours(1));
        (await app.DrainAsync()).Should().Be(0);

        afterFailure.State.Should().Be(OutboxStates.Pending);
        afterFailure.AttemptCount.Should().Be(1);
        afterFailure.LastErrorCode.Should().Be("http_500");
        afterFailure.NextAttemptAt.Should().BeOnOrAfter(ManualTimeProvider.DefaultStart.AddSeconds(5)).And.BeOnOrBefore(ManualTimeProvider.DefaultStart.AddSeconds(10));
        receiver.Received.Select(request => request.AnsweredStatus).Should().Equal(500, 200);
        receiver.Received.Should().OnlyContain(request => request.SignatureValid && request.Id == afterFailure.Id);
        var delivered = (await app.Outbox.ListForReferralAsync(referralId)).Single();
        delivered.State.Should().Be(OutboxStates.Delivered);
        delivered.AttemptCount.Should().Be(2);
        delivered.LastErrorCode.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DispatchDueAsync_ReceiverDownForGood_DeadLettersAfterMaximumAttempts(DatabaseProvider provider)
    {
        var time = new ManualTimeProvider();
        using var nobodyListens = new RefusedPort();
        var deadUrl = $"http://127.0.0.1:{nobodyListens.Port}/referrals";
        await using var app = await ReferralsApp.StartAsync(
            await infrastructure.CreateDatabaseAsync(provider), [new TestSite { WebhookUrl = deadUrl }], time);
        var referralId = (await app.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;
        using var dead = new DeadCounter();

        var attempts = 0;
        for (var round = 0; round < 10; round++)
        {
            attempts += await app.DrainAsync();
            time.Advance(TimeSpan.FromMinutes(1));
        }

        attempts.Should().Be(4, "Referrals:Delivery:MaxAttempts is 4 in the test configuration");
        var row = (await app.Outbox.ListForReferralAsync(referralId)).Single();
        row.State.Should().Be(OutboxStates.Dead);
        row.AttemptCount.Should().Be(4);
        row.LastErrorCode.Should().Be("connection_failed");
        (await app.Outbox.ListDeadAsync()).Select(message => message.Id).Should().Contain(row.Id);
        (await app.Store.FindAsync(referralId))!.Status.Should().Be(ReferralStatus.DeliveryFailed);
        dead.Count(OutboxChannels.Webhook).Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task DispatchDueAsync_ReceiverNeverAnswers_AttemptTimesOutAndIsRetriedLater()
    {
        await using var receiver = new WebhookReceiver(TestSite.DefaultSecret);
        receiver.AnswerNext(WebhookReceiver.NeverAnswer);
        var time = new ManualTimeProvider();
        await using var app = await ReferralsApp.StartAsync(
            await infrastructure.CreateDatabaseAsync(DatabaseProvider.Sqlite), [new TestSite { WebhookUrl = receiver.Url }], time);
        var referralId = (await app.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;

        var round = app.Dispatcher.DispatchDueAsync();
        await receiver.WaitForRequestsAsync(1);
        time.Advance(PrescreenBot.Referrals.Referrals.DeliveryOptions.DefaultAttemptTimeout);
        (await round).Should().Be(1);
        var afterTimeout = (await app.Outbox.ListForReferralAsync(referralId)).Single();
        time.Advance(TimeSpan.FromMinutes(1));
        await app.DrainAsync();

        afterTimeout.State.Should().Be(OutboxStates.Pending);
        afterTimeout.LastErrorCode.Should().Be("timeout");
        (await app.Outbox.ListForReferralAsync(referralId)).Single().State.Should().Be(OutboxStates.Delivered);
        receiver.Received.Select(request => request.Id).Distinct().Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DispatchDueAsync_TwoDispatchersOnOneDatabase_DeliverEveryRowExactlyOnce(DatabaseProvider provider)
    {
        const int referralCount = 30;
        var database = await infrastructure.CreateDatabaseAsync(provider);
        var teams = new RecordingTeamsSender();
        var site = new TestSite { TeamsConversationId = "19:coordinators@thread.tacv2" };
        var time = new ManualTimeProvider();
        await using var first = await ReferralsApp.StartAsync(database, [site], time, teams: teams);
        await using var second = await ReferralsApp.StartAsync(database, [site], time, teams: teams);
        for (var i = 0; i < referralCount; i++)
        {
            await first.Referrals.CreateAsync(TestReferrals.Request());
        }

        var attempted = await Task.WhenAll(first.DrainAsync(), second.DrainAsync());

        attempted.Sum().Should().Be(referralCount);
        teams.Sent.Select(message => message.MessageId).Should().OnlyHaveUniqueItems().And.HaveCount(referralCount);
        teams.Sent.Should().OnlyContain(message => message.ConversationId == "19:coordinators@thread.tacv2" && message.ServiceUrl == "https://smba.example/teams/");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DeletePatientDataAsync_BeforeDispatch_NothingIsDelivered(DatabaseProvider provider)
    {
        var teams = new RecordingTeamsSender();
        await using var app = await ReferralsApp.StartAsync(
            await infrastructure.CreateDatabaseAsync(provider), [new TestSite { TeamsConversationId = "19:c@thread" }], new ManualTimeProvider(), teams: teams);
        var request = TestReferrals.Request();
        await app.Referrals.CreateAsync(request);

        await app.Referrals.DeletePatientDataAsync(request.ChannelId, request.ConversationId);

        (await app.DrainAsync()).Should().Be(0);
        teams.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task ExecuteAsync_HostedDispatcherWithRealClock_DeliversNewReferralBySmtp()
    {
        var smtp = await infrastructure.SmtpAsync();
        await using var app = await ReferralsApp.StartAsync(
            await infrastructure.CreateDatabaseAsync(DatabaseProvider.Sqlite),
            [new TestSite { Emails = ["coordinator@site.example"] }],
            TimeProvider.System,
            smtp.Port,
            startHostedServices: true);

        var receipt = await app.Referrals.CreateAsync(TestReferrals.Request());

        (await smtp.WaitForMessagesAsync(receipt.ReferralId, 1)).Should().ContainSingle();
    }

    /// <summary>Listens to the dead-letter counter (instruments are process-wide, so counts are at least this test's).</summary>
    private sealed class DeadCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _counts = new();

        public DeadCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ReferralMetrics.MeterName && instrument.Name == "prescreen.referrals.deliveries.dead")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "channel" && tag.Value is string channel)
                    {
                        _counts.AddOrUpdate(channel, value, (_, existing) => existing + value);
                    }
                }
            });
            _listener.Start();
        }

        public long Count(string channel) => _counts.GetValueOrDefault(channel);

        public void Dispose() => _listener.Dispose();
    }
}
