using System.Security.Claims;

namespace PrescreenBot.Channels.BotConnector.Authentication;

/// <summary>Who sent a request to <c>/api/messages</c>, as established from its token.</summary>
public enum CallerKind
{
    /// <summary>No app id is configured, so requests are not authenticated (local runs, the Emulator without credentials).</summary>
    Anonymous,

    /// <summary>A Bot Connector channel (Teams, Azure Bot Service's Web Chat/Direct Line…), token from the Bot Framework issuer.</summary>
    Channel,

    /// <summary>The Bot Framework Emulator with the bot's credentials, token from Azure AD.</summary>
    Emulator,
}

/// <summary>
/// An authenticated caller: the validated claims, and for channel tokens the signing key's endorsements and the
/// <c>serviceurl</c> claim, which <see cref="BotFrameworkAuthenticator.IsAllowedFor"/> checks against the activity.
/// </summary>
public sealed record BotCaller(CallerKind Kind, ClaimsIdentity Identity, IReadOnlyList<string>? Endorsements = null, string? ServiceUrl = null)
{
    /// <summary>The Bot Framework <c>callerId</c> for activities from this caller (Appendix V of the activity spec).</summary>
    public string? CallerId => Kind == CallerKind.Channel ? "urn:botframework:azure" : null;

    public static BotCaller Anonymous { get; } = new(CallerKind.Anonymous, new ClaimsIdentity());
}
