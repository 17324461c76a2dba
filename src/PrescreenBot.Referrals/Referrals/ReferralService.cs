using Microsoft.Extensions.Logging;
using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Referrals.Diagnostics;
using PrescreenBot.Referrals.Outbox;
using PrescreenBot.Referrals.Sites;

namespace PrescreenBot.Referrals.Referrals;

/// <summary>
/// The durable <see cref="IReferralService"/>: one transaction writes the referral and one outbox row per delivery
/// channel of the site; the dispatcher does the rest. Same idempotency key, same referral, no new outbox rows.
/// </summary>
public sealed partial class ReferralService(
    ReferralStore store,
    ConfiguredSiteDirectory sites,
    OutboxSignal signal,
    ReferralMetrics metrics,
    TimeProvider timeProvider,
    ILogger<ReferralService> logger) : IReferralService
{
    public async Task<ReferralReceipt> CreateAsync(ReferralRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = string.IsNullOrWhiteSpace(request.SiteId) ? null : sites.Find(request.SiteId);
        ReferralRequestValidator.EnsureValid(request, site);

        var now = timeProvider.GetUtcNow();
        var referral = new ReferralRecord
        {
            Id = Guid.CreateVersion7(now).ToString(),
            IdempotencyKey = request.IdempotencyKey,
            TrialId = request.TrialId,
            SiteId = site!.Id,
            Verdict = ReferralVerdicts.Normalize(request.Verdict)!,
            Contact = request.Contact with { Email = request.Contact.Email?.Trim(), Phone = request.Contact.Phone?.Trim() },
            Answers = request.Answers,
            Flags = request.Flags ?? [],
            Consent = request.Consent,
            ChannelId = request.ChannelId,
            ConversationId = request.ConversationId,
            Locale = request.Locale,
            CreatedAt = now,
            Status = ReferralStatus.Pending,
        };
        var outbox = OutboxRowsFor(site, now);
        var (stored, created) = await store.CreateAsync(referral, outbox, cancellationToken).ConfigureAwait(false);
        if (created)
        {
            metrics.ReferralCreated(stored.TrialId, stored.Verdict);
            LogCreated(stored.Id, stored.TrialId, stored.SiteId, outbox.Count);
            signal.Notify();
        }
        else
        {
            metrics.DuplicateReferral();
            LogDuplicate(stored.Id);
        }

        return new ReferralReceipt(stored.Id, stored.TrialId, stored.SiteId, created);
    }

    public async Task<int> DeletePatientDataAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var removed = await store.DeleteConversationAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);
        LogDeleted(removed);
        return removed;
    }

    private static List<NewOutboxRow> OutboxRowsFor(SiteOptions site, DateTimeOffset now)
    {
        var rows = new List<NewOutboxRow>();
        if (site.Delivery.Email.Count > 0)
        {
            rows.Add(new NewOutboxRow(NewMessageId(now), OutboxChannels.Email, string.Join(',', site.Delivery.Email)));
        }

        if (SiteDeliveryTargets.HasWebhook(site.Delivery))
        {
            rows.Add(new NewOutboxRow(NewMessageId(now), OutboxChannels.Webhook, site.Delivery.Webhook!.Url!));
        }

        if (SiteDeliveryTargets.HasTeams(site.Delivery))
        {
            rows.Add(new NewOutboxRow(NewMessageId(now), OutboxChannels.Teams, TeamsTarget.Format(site.Delivery.Teams!)));
        }

        return rows;
    }

    /// <summary>The <c>msg_</c> prefix follows Standard Webhooks' examples; the id doubles as <c>webhook-id</c>.</summary>
    private static string NewMessageId(DateTimeOffset now) => "msg_" + Guid.CreateVersion7(now).ToString("N");

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} created for trial {TrialId} at site {SiteId} with {OutboxRows} deliveries queued")]
    private partial void LogCreated(string referralId, string trialId, string siteId, int outboxRows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} requested again with the same idempotency key; nothing new written")]
    private partial void LogDuplicate(string referralId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient data deleted on request: {ReferralCount} referrals with their deliveries and the transcript")]
    private partial void LogDeleted(int referralCount);
}
