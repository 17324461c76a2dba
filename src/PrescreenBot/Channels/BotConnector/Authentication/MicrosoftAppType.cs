namespace PrescreenBot.Channels.BotConnector.Authentication;

/// <summary>How the bot's Azure identity is set up (configuration key <c>MicrosoftAppType</c>, Bot Framework's names).</summary>
public enum MicrosoftAppType
{
    /// <summary>App registration usable from any tenant; outbound tokens from the <c>botframework.com</c> tenant.</summary>
    MultiTenant,

    /// <summary>App registration in one tenant (<c>MicrosoftAppTenantId</c>); outbound tokens from that tenant.</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity (<c>MicrosoftAppId</c> = its client id); no password.</summary>
    UserAssignedMSI,
}
