using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PrescreenBot.Hosting;
using PrescreenBot.IntegrationTests.Channels.BotConnector;

namespace PrescreenBot.IntegrationTests.Hosting;

public sealed class RepositoryConfigurationTests(AnonymousBotFixture fixture) : IClassFixture<AnonymousBotFixture>
{
    [Fact]
    public void AddRepositoryConfiguration_ContentRootIsProjectFolder_RootAppSettingsRead()
    {
        var environment = fixture.App.Services.GetRequiredService<IWebHostEnvironment>();
        var layout = fixture.App.Services.GetRequiredService<RepositoryLayout>();
        var configuration = fixture.App.Services.GetRequiredService<IConfiguration>();
        using var rootSettings = JsonDocument.Parse(File.ReadAllText(Path.Combine(layout.RootDirectory, "appsettings.json")));

        Path.GetFullPath(environment.ContentRootPath).TrimEnd('/').Should().NotBe(layout.RootDirectory.TrimEnd('/'), "the test host starts in the project folder, as `dotnet run --project` does");
        configuration["Sites:0:Id"].Should().Be(rootSettings.RootElement.GetProperty("Sites")[0].GetProperty("Id").GetString());
        configuration["Limits:MaxRequestBodyBytes"].Should().Be("262144");
    }

    [Fact]
    public void AddRepositoryConfiguration_UrlsGivenToTheHost_OverrideDefaultAddress()
    {
        var configuration = fixture.App.Services.GetRequiredService<IConfiguration>();

        configuration["urls"].Should().Be("http://127.0.0.1:0", "the test's --urls wins over the default http://localhost:3978");
    }
}
