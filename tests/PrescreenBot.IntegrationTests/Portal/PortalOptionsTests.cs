using System.Net;

namespace PrescreenBot.IntegrationTests.Portal;

public sealed class PortalOptionsTests
{
    [Fact]
    public async Task Start_CoordinatorOfAnUnknownSite_StopsTheHostNamingTheSite()
    {
        await using var issuer = await LocalAzureAdIssuer.StartAsync();
        await using var app = new PortalApp(issuer, new Dictionary<string, string?> { ["Portal:Coordinators:0:Sites:0"] = "no-such-site" });

        var start = () => app.Server;

        start.Should().Throw<Exception>().Which.ToString().Should().Contain("Portal:Coordinators:0:Sites names 'no-such-site'");
    }

    [Fact]
    public async Task Start_AuthorityOverPlainHttp_StopsTheHost()
    {
        await using var issuer = await LocalAzureAdIssuer.StartAsync();
        await using var app = new PortalApp(issuer, new Dictionary<string, string?> { ["Portal:Authority"] = "http://login.example/tenant/v2.0" });

        var start = () => app.Server;

        start.Should().Throw<Exception>().Which.ToString().Should().Contain("Portal:Authority must be an absolute https URL");
    }

    [Fact]
    public async Task SignIn_AuthorityUnreachable_502PageAndNothingSignedIn()
    {
        LocalAzureAdIssuer issuer;
        string unreachable;
        await using (issuer = await LocalAzureAdIssuer.StartAsync())
        {
            unreachable = issuer.MetadataUrl.ToString();
        }

        await using var app = new PortalApp(issuer, new Dictionary<string, string?> { ["Portal:MetadataAddress"] = unreachable });
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/portal/signin?returnUrl=%2Freferrals");

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync()).Should().Contain("could not be reached");
        app.Logs.Lines.Should().Contain(line => line.Contains("Portal sign-in unavailable", StringComparison.Ordinal));
    }
}
