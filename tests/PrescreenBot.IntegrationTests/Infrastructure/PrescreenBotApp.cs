using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>
/// The real host (Program) on a Kestrel loopback port, with settings per test class, its referral database in a
/// temporary folder, and — unless <see cref="UseRealBot"/> — the <see cref="EchoTestBot"/> in place of the conversation.
/// </summary>
public class PrescreenBotApp : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("prescreenbot-tests-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public PrescreenBotApp(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        _configureServices = configureServices;
        UseKestrel(); // the port comes from LoopbackKestrel.Urls; see there why not UseKestrel(0)
    }

    /// <summary>When true the real pre-screen conversation answers instead of the echo bot.</summary>
    protected virtual bool UseRealBot => false;

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        }
    }

    /// <summary>An HttpClient for the app over real HTTP.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(LoopbackKestrel.UrlsKey, LoopbackKestrel.Urls);
        builder.UseSetting("ConnectionStrings:Prescreen", $"Data Source={Path.Combine(_dataDirectory, "prescreen.db")}");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (!UseRealBot)
        {
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IBot>();
                services.AddSingleton<EchoTestBot>();
                services.AddSingleton<IBot>(provider => provider.GetRequiredService<EchoTestBot>());
            });
        }

        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
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
