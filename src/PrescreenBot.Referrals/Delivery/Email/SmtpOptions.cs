namespace PrescreenBot.Referrals.Delivery.Email;

/// <summary>The <c>Smtp</c> section: the relay that carries referral e-mails to sites.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    /// <summary>Port 25 is the plain relay port the sample (and a local relay) uses.</summary>
    public const int DefaultPort = 25;

    /// <summary>Long enough for a slow relay, short enough that a hung one does not hold a lease for long.</summary>
    public const int DefaultTimeoutSeconds = 30;

    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = DefaultPort;
    public string From { get; set; } = "";
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;
}
