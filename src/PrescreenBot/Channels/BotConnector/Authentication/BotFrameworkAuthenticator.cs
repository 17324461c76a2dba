using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Security;

namespace PrescreenBot.Channels.BotConnector.Authentication;

/// <summary>
/// Inbound authentication of <c>/api/messages</c> (Bot Connector authentication, "Connector to your bot"):
/// <list type="number">
/// <item><see cref="AuthenticateAsync"/> — before the body is even parsed: a <c>Bearer</c> JWT signed (RS256/384/512)
/// by a key from the issuer's published set, issuer and audience (= <c>MicrosoftAppId</c>) right, within its lifetime
/// give or take 5 minutes; Emulator tokens (recognised by issuer) against Azure AD's keys with their <c>ver</c> and
/// <c>appid</c>/<c>azp</c> rules.</item>
/// <item><see cref="IsAllowedFor"/> — once the activity is read: the signing key must be endorsed for the activity's
/// channel, and the token's <c>serviceurl</c> must be the activity's, so a token cannot send replies elsewhere.</item>
/// </list>
/// With no <c>MicrosoftAppId</c> configured every caller is <see cref="BotCaller.Anonymous"/>. Failures are logged by
/// category only (never the token) and surface as a bare 401/403.
/// </summary>
public sealed partial class BotFrameworkAuthenticator
{
    private const string BearerPrefix = "Bearer ";
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotAuthenticationOptions _options;
    private readonly SigningKeySource _channelKeys;
    private readonly SigningKeySource _emulatorKeys;
    private readonly IReadOnlyList<string> _emulatorIssuers;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<BotFrameworkAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public BotFrameworkAuthenticator(IOptions<BotAuthenticationOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<BotFrameworkAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _options = options.Value;
        _channelKeys = new SigningKeySource(_options.ToBotFromChannelOpenIdMetadataUrl, httpClientFactory.CreateClient(HttpClientName));
        _emulatorKeys = new SigningKeySource(_options.ToBotFromEmulatorOpenIdMetadataUrl, httpClientFactory.CreateClient(HttpClientName));
        _emulatorIssuers = EmulatorIssuers.For(_options.MicrosoftAppTenantId);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Name of the HttpClient used to fetch OpenID metadata and keys.</summary>
    public const string HttpClientName = "BotFrameworkOpenIdMetadata";

    public bool IsEnabled => _options.IsAuthenticationEnabled;

    /// <summary>The caller, or null when the request must be refused with 401.</summary>
    public async Task<BotCaller?> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return BotCaller.Anonymous;
        }

        if (authorizationHeader is null || !authorizationHeader.StartsWith(BearerPrefix, StringComparison.Ordinal))
        {
            LogRejected(_logger, "missing or non-Bearer Authorization header");
            return null;
        }

        var token = authorizationHeader[BearerPrefix.Length..].Trim();
        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            LogRejected(_logger, "token is not a JWT");
            return null;
        }

        var isEmulator = _emulatorIssuers.Contains(unvalidated.Issuer, StringComparer.Ordinal);
        try
        {
            return isEmulator
                ? await ValidateEmulatorTokenAsync(token, unvalidated.Kid, cancellationToken).ConfigureAwait(false)
                : await ValidateChannelTokenAsync(token, unvalidated.Kid, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The issuer's keys could not be fetched: refuse (never accept unverified), say why in the log.
            LogKeysUnavailable(_logger, isEmulator ? "emulator" : "channel", ex.GetType().Name);
            return null;
        }
    }

    /// <summary>
    /// Whether an authenticated caller may deliver <paramref name="activity"/>: channel tokens need a signing key endorsed
    /// for the activity's channel and a <c>serviceurl</c> claim equal to the activity's (false → 403).
    /// </summary>
    public bool IsAllowedFor(BotCaller caller, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(activity);
        if (caller.Kind != CallerKind.Channel)
        {
            return true;
        }

        if (string.IsNullOrEmpty(activity.ChannelId) || caller.Endorsements is null || !caller.Endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            LogForbidden(_logger, "signing key not endorsed for the activity's channel", activity.ChannelId);
            return false;
        }

        if (caller.ServiceUrl is null || !string.Equals(caller.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            LogForbidden(_logger, "serviceurl claim differs from the activity's serviceUrl", activity.ChannelId);
            return false;
        }

        return true;
    }

    private async Task<BotCaller?> ValidateChannelTokenAsync(string token, string? keyId, CancellationToken cancellationToken)
    {
        var keys = await _channelKeys.GetKeysAsync(keyId, cancellationToken).ConfigureAwait(false);
        var result = await _handler.ValidateTokenAsync(token, Parameters([_options.ToBotFromChannelTokenIssuer], keys)).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken validated)
        {
            LogRejected(_logger, Reason(result));
            return null;
        }

        var signingKeyId = validated.SigningKey?.KeyId ?? validated.Kid;
        var serviceUrl = validated.TryGetPayloadValue<string>("serviceurl", out var url) ? url : null;
        return new BotCaller(CallerKind.Channel, result.ClaimsIdentity, keys.EndorsementsOf(signingKeyId), serviceUrl);
    }

    private async Task<BotCaller?> ValidateEmulatorTokenAsync(string token, string? keyId, CancellationToken cancellationToken)
    {
        var keys = await _emulatorKeys.GetKeysAsync(keyId, cancellationToken).ConfigureAwait(false);
        var result = await _handler.ValidateTokenAsync(token, Parameters(_emulatorIssuers, keys)).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken validated)
        {
            LogRejected(_logger, Reason(result));
            return null;
        }

        // v1 tokens name the requesting app in "appid", v2 tokens in "azp"; it must be this bot.
        var version = validated.TryGetPayloadValue<string>("ver", out var ver) ? ver : null;
        var appIdClaim = version switch
        {
            "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (appIdClaim is null)
        {
            LogRejected(_logger, "emulator token without a known 'ver'");
            return null;
        }

        if (!validated.TryGetPayloadValue<string>(appIdClaim, out var appId) || !string.Equals(appId, _options.MicrosoftAppId, StringComparison.Ordinal))
        {
            LogRejected(_logger, $"emulator token's '{appIdClaim}' is not this bot");
            return null;
        }

        return new BotCaller(CallerKind.Emulator, result.ClaimsIdentity);
    }

    private TokenValidationParameters Parameters(IEnumerable<string> issuers, EndorsedSigningKeys keys) =>
        SignedTokenRules.Parameters(issuers, _options.MicrosoftAppId, keys.Keys, AllowedAlgorithms, _timeProvider);

    /// <summary>A category for the log: the exception type names which check failed, never the token's content.</summary>
    private static string Reason(TokenValidationResult result) => result.Exception?.GetType().Name ?? "invalid token";

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Bot Connector request refused (401): {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Bot Connector request refused (403): {Reason}; channel {ChannelId}")]
    private static partial void LogForbidden(ILogger logger, string reason, string? channelId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Signing keys of the {Issuer} issuer could not be fetched ({ExceptionType}); refusing the request")]
    private static partial void LogKeysUnavailable(ILogger logger, string issuer, string exceptionType);
}
