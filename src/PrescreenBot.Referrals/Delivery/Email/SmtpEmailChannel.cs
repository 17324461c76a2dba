using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using PrescreenBot.Referrals.Outbox;

namespace PrescreenBot.Referrals.Delivery.Email;

/// <summary>
/// E-mails a referral to the site's addresses over SMTP. The outbox id travels as a header so a site's mail rules
/// can spot the rare duplicate (a crash after the relay accepted but before the row was marked).
/// </summary>
public sealed class SmtpEmailChannel(IOptions<SmtpOptions> options) : IDeliveryChannel
{
    public const string DeliveryIdHeader = "X-Prescreen-Delivery-Id";
    public const string ReferralIdHeader = "X-Prescreen-Referral-Id";

    private readonly SmtpOptions _options = options.Value;

    public string Name => OutboxChannels.Email;

    public async Task DeliverAsync(DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        using var message = new MailMessage
        {
            From = new MailAddress(_options.From),
            Subject = NotificationText.Subject(attempt.Notification),
            Body = NotificationText.Body(attempt.Notification),
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
            IsBodyHtml = false,
        };
        foreach (var recipient in attempt.Target.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            message.To.Add(new MailAddress(recipient));
        }

        message.Headers.Add(DeliveryIdHeader, attempt.MessageId);
        message.Headers.Add(ReferralIdHeader, attempt.Notification.ReferralId);

        using var client = new SmtpClient(_options.Host, _options.Port)
        {
            EnableSsl = _options.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)TimeSpan.FromSeconds(_options.TimeoutSeconds).TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            client.Credentials = new NetworkCredential(_options.UserName, _options.Password);
        }

        try
        {
            await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpException exception)
        {
            throw new DeliveryFailedException(ErrorCodeFor(exception), exception);
        }
        catch (SocketException exception)
        {
            throw new DeliveryFailedException("connection_failed", exception);
        }
    }

    private static string ErrorCodeFor(SmtpException exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException or IOException)
            {
                return "connection_failed";
            }
        }

        return exception.StatusCode == SmtpStatusCode.GeneralFailure
            ? "smtp_general_failure"
            : $"smtp_{(int)exception.StatusCode}";
    }
}
