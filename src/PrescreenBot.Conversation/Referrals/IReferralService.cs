namespace PrescreenBot.Conversation.Referrals;

/// <summary>
/// Hands a consented lead over to a study site. The conversation knows only this interface;
/// the host provides the durable implementation (store, outbox, delivery).
/// </summary>
public interface IReferralService
{
    /// <summary>Creates the referral, or returns the existing one for the same idempotency key.</summary>
    Task<ReferralReceipt> CreateAsync(ReferralRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes every referral and transcript of this conversation ("delete my data"); returns how many referrals were removed.</summary>
    Task<int> DeletePatientDataAsync(string channelId, string conversationId, CancellationToken cancellationToken = default);
}
