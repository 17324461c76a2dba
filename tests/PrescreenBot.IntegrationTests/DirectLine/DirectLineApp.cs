using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrescreenBot.Channels;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.DirectLine;

/// <summary>
/// The real host on a real Kestrel loopback port (WebSockets and CORS need a real server), with the scripted bot in place
/// of the conversation and a clock the test controls. One per test class.
/// </summary>
public class DirectLineApp : WebApplicationFactory<Program>
{
    public const string Secret = "test-direct-line-secret-0123456789";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("prescreenbot-directline-").FullName;

    public DirectLineApp()
    {
        UseKestrel(); // the port comes from LoopbackKestrel.Urls; see there why not UseKestrel(0)
    }

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public ScriptedTurnProcessor Bot { get; } = new();

    /// <summary>Extra settings for subclasses (e.g. Redis).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    public DirectLineTestClient CreateDirectLineClient() => new(new HttpClient { BaseAddress = BaseAddress }, BaseAddress);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(LoopbackKestrel.UrlsKey, LoopbackKestrel.Urls);
        builder.UseSetting("DirectLine:Secret", Secret);
        builder.UseSetting("ConnectionStrings:Prescreen", $"Data Source={Path.Combine(_dataDirectory, "prescreen.db")}");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<ITurnProcessor>();
            services.AddSingleton<ITurnProcessor>(Bot);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle may linger a moment after shutdown; the OS temp cleaner takes the rest.
        }
    }
}
