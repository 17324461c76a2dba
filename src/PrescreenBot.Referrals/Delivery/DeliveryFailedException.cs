namespace PrescreenBot.Referrals.Delivery;

/// <summary>
/// A failed delivery attempt. <see cref="ErrorCode"/> is stored on the outbox row and in metrics, so it is a short
/// code (<c>http_503</c>, <c>smtp_mailbox_unavailable</c>, <c>connection_failed</c>), never text from the payload.
/// </summary>
public sealed class DeliveryFailedException(string errorCode, Exception? innerException = null)
    : Exception($"Delivery failed: {errorCode}.", innerException)
{
    public string ErrorCode { get; } = errorCode;
}
