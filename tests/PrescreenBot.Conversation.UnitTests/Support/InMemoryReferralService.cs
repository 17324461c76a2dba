using System.Globalization;
using PrescreenBot.Conversation.Referrals;

namespace PrescreenBot.Conversation.UnitTests.Support;

/// <summary>The referral service until the durable one exists: keeps referrals in memory, honours idempotency keys.</summary>
public sealed class InMemoryReferralService : IReferralService
{
    private readonly Dictionary<string, (ReferralRequest Request, ReferralReceipt Receipt)> byKey = new(StringComparer.Ordinal);

    public List<ReferralRequest> Requests { get; } = [];

    public List<(string ChannelId, string ConversationId)> Deletions { get; } = [];

    /// <summary>How many of the next calls fail, to test the retry path.</summary>
    public int FailuresToSimulate { get; set; }

    public IReadOnlyCollection<ReferralReceipt> Stored => [.. byKey.Values.Select(v => v.Receipt)];

    public Task<ReferralReceipt> CreateAsync(ReferralRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        if (FailuresToSimulate > 0)
        {
            FailuresToSimulate--;
            throw new IOException("The referral store is unavailable (simulated).");
        }

        if (byKey.TryGetValue(request.IdempotencyKey, out var existing))
        {
            return Task.FromResult(existing.Receipt with { Created = false });
        }

        var receipt = new ReferralReceipt("ref-" + (byKey.Count + 1).ToString(CultureInfo.InvariantCulture), request.TrialId, request.SiteId, Created: true);
        byKey[request.IdempotencyKey] = (request, receipt);
        return Task.FromResult(receipt);
    }

    public Task<int> DeletePatientDataAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        Deletions.Add((channelId, conversationId));
        var keys = byKey.Where(p => p.Value.Request.ChannelId == channelId && p.Value.Request.ConversationId == conversationId).Select(p => p.Key).ToList();
        foreach (var key in keys)
        {
            byKey.Remove(key);
        }

        return Task.FromResult(keys.Count);
    }
}
