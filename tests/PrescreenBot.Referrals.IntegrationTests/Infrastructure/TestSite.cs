namespace PrescreenBot.Referrals.IntegrationTests.Infrastructure;

/// <summary>One configured site for a test, rendered as configuration keys in the issue's <c>Sites[]</c> shape.</summary>
internal sealed record TestSite
{
    public const string DefaultId = "test-site";
    public const string DefaultTrial = "NCT00000001";

    /// <summary>A 32-byte key in the Standard Webhooks form.</summary>
    public const string DefaultSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwAAAAAAAAAAA=";

    public string Id { get; init; } = DefaultId;
    public string Trial { get; init; } = DefaultTrial;
    public IReadOnlyList<string> Emails { get; init; } = [];
    public string? WebhookUrl { get; init; }
    public string WebhookSecret { get; init; } = DefaultSecret;
    public string? TeamsServiceUrl { get; init; }
    public string? TeamsConversationId { get; init; }

    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration(int index)
    {
        var prefix = $"Sites:{index}:";
        yield return new($"{prefix}Id", Id);
        yield return new($"{prefix}Name", $"Hospital {Id}");
        yield return new($"{prefix}City", "Wuhan");
        yield return new($"{prefix}Country", "China");
        yield return new($"{prefix}Trials:0", Trial);
        yield return new($"{prefix}Contacts:0:Name", "Study coordinator");
        yield return new($"{prefix}Contacts:0:Email", "coordinator@site.example");
        for (var i = 0; i < Emails.Count; i++)
        {
            yield return new($"{prefix}Delivery:Email:{i}", Emails[i]);
        }

        if (WebhookUrl is not null)
        {
            yield return new($"{prefix}Delivery:Webhook:Url", WebhookUrl);
            yield return new($"{prefix}Delivery:Webhook:Secret", WebhookSecret);
        }

        if (TeamsConversationId is not null)
        {
            yield return new($"{prefix}Delivery:Teams:ServiceUrl", TeamsServiceUrl ?? "https://smba.example/teams/");
            yield return new($"{prefix}Delivery:Teams:ConversationId", TeamsConversationId);
        }
    }
}
