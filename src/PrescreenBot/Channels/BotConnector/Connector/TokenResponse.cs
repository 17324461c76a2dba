using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrescreenBot.Channels.BotConnector.Connector;

/// <summary>The OAuth 2.0 token response of Azure AD and of the managed identity endpoints.</summary>
internal sealed record TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    /// <summary>Seconds; Azure AD sends a number, the managed identity endpoints a string.</summary>
    [JsonPropertyName("expires_in")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? ExpiresIn { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    /// <summary>A token response without a token or lifetime, or one that is not JSON, is an identity provider failure.</summary>
    public static async Task<(string Token, TimeSpan ExpiresIn)> ReadAsync(HttpResponseMessage response, string provider, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorAuthenticationException($"{provider} refused the token request with HTTP {(int)response.StatusCode}.");
        }

        TokenResponse? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<TokenResponse>(
                await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new ConnectorAuthenticationException($"{provider} answered the token request with something that is not JSON.", ex);
        }

        if (body?.AccessToken is not { Length: > 0 } token || body.ExpiresIn is not > 0)
        {
            throw new ConnectorAuthenticationException($"{provider} answered the token request without access_token/expires_in.");
        }

        return (token, TimeSpan.FromSeconds(body.ExpiresIn.Value));
    }
}
