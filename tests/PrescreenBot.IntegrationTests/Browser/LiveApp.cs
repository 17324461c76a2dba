using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.Browser;

/// <summary>
/// The whole service as it ships (the real bot, in-memory state) on a real Kestrel loopback port a browser can reach.
/// Nothing is replaced; only the data directory is a fresh temporary one (and subclasses may add settings).
/// </summary>
public class LiveApp : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("prescreenbot-browser-").FullName;

    public LiveApp()
    {
        UseKestrel(); // the port comes from LoopbackKestrel.Urls; see there why not UseKestrel(0)
    }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    /// <summary>Configuration overrides on top of the repository's appsettings.json, read when the server starts.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(LoopbackKestrel.UrlsKey, LoopbackKestrel.Urls);
        builder.UseSetting("Storage:Provider", "Memory");
        builder.UseSetting("ConnectionStrings:Prescreen", $"Data Source={Path.Combine(_dataDirectory, "prescreen.db")}");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
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
            // A file still held open is removed with the rest of /tmp; the test result does not depend on it.
        }
    }
}
