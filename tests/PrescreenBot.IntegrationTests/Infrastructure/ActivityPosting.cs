using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PrescreenBot.Bot.Schema;
using BotChannels = PrescreenBot.Bot.Schema.Channels;

namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>Builds channel activities and posts them to <c>/api/messages</c> the way a channel does.</summary>
public static class ActivityPosting
{
    public static Activity Message(string text, string channelId = BotChannels.Msteams, string conversationId = "a:personal-chat-1", string? serviceUrl = null, string? deliveryMode = null, string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? $"act-{Guid.NewGuid():N}",
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount(conversationId),
        From = new ChannelAccount("29:user-1", "Test User"),
        Recipient = new ChannelAccount("28:bot-1", "PrescreenBot"),
        Text = text,
        Locale = "en-US",
        DeliveryMode = deliveryMode,
    };

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, Activity activity, string? bearerToken = null) =>
        client.PostRawAsync(Encoding.UTF8.GetString(BotJson.SerializeActivity(activity)), bearerToken);

    public static async Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string json, string? bearerToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Posts with <c>deliveryMode: expectReplies</c> and returns the replies from the response body.</summary>
    public static async Task<IReadOnlyList<Activity>> ExpectRepliesAsync(this HttpClient client, Activity activity, string? bearerToken = null)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var response = await client.PostAsync(activity, bearerToken);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"/api/messages answered {(int)response.StatusCode}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("activities").Deserialize<List<Activity>>(BotJson.Options)!;
    }
}
