using System.Net;
using System.Text.Json;
using PrescreenBot.IntegrationTests.Channels.BotConnector;

namespace PrescreenBot.IntegrationTests.Health;

public sealed class HealthTests(AnonymousBotFixture fixture) : IClassFixture<AnonymousBotFixture>
{
    [Fact]
    public async Task Healthz_InMemoryStorage_HealthyJson()
    {
        using var response = await fixture.Client.GetAsync("healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().Should().Be("healthy");
        var storage = body.RootElement.GetProperty("checks").GetProperty("storage");
        storage.GetProperty("status").GetString().Should().Be("healthy");
        storage.GetProperty("data").GetProperty("provider").GetString().Should().Be("Memory");
    }
}
