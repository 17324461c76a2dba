using Microsoft.AspNetCore.Builder;
using PrescreenBot.Hosting;

namespace PrescreenBot.IntegrationTests.Hosting;

public sealed class DefaultAddressTests
{
    [Fact]
    public void AddRepositoryConfiguration_NothingGiven_ListensOnLocalhost3978()
    {
        var builder = WebApplication.CreateBuilder([]);

        builder.AddRepositoryConfiguration();

        builder.Configuration["urls"].Should().Be("http://localhost:3978");
    }

    [Fact]
    public void AddRepositoryConfiguration_UrlsOnCommandLine_CommandLineWins()
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://0.0.0.0:8080"]);

        builder.AddRepositoryConfiguration();

        builder.Configuration["urls"].Should().Be("http://0.0.0.0:8080");
    }

    [Fact]
    public void AddRepositoryConfiguration_HttpPortsGiven_NoDefaultAddressToOverrideThem()
    {
        var builder = WebApplication.CreateBuilder(["--http_ports", "8080"]);

        builder.AddRepositoryConfiguration();

        builder.Configuration["urls"].Should().BeNull();
    }
}
