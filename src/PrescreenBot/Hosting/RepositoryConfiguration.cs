using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.FileProviders;

namespace PrescreenBot.Hosting;

/// <summary>
/// Makes the host read the repository root's <c>appsettings.json</c> (and <c>appsettings.{Environment}.json</c>)
/// whatever the working directory, with the usual precedence: environment variables and the command line still
/// override them. Also sets the default address, <c>http://localhost:3978</c> (the Bot Framework's customary port),
/// below every other source so <c>--urls</c>, <c>ASPNETCORE_URLS</c> or a <c>Urls</c> key wins (and not at all when ports
/// are given as <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c>).
/// </summary>
public static class RepositoryConfiguration
{
    public const string DefaultUrls = "http://localhost:3978";

    public static WebApplicationBuilder AddRepositoryConfiguration(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var layout = RepositoryLayout.Locate(builder.Environment.ContentRootPath, AppContext.BaseDirectory);
        builder.Services.AddSingleton(layout);

        var sources = builder.Configuration.Sources;
        // Ports given the container way (ASPNETCORE_HTTP_PORTS, as the official images set) must not lose to our default.
        if (string.IsNullOrEmpty(builder.Configuration["http_ports"]) && string.IsNullOrEmpty(builder.Configuration["https_ports"]))
        {
            sources.Insert(0, new MemoryConfigurationSource { InitialData = [new("urls", DefaultUrls)] });
        }

        var contentRoot = Path.GetFullPath(builder.Environment.ContentRootPath).TrimEnd(Path.DirectorySeparatorChar);
        if (string.Equals(contentRoot, layout.RootDirectory.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            return builder;
        }

        // Put the root's files where the content root's appsettings files sit, so precedence is unchanged.
        var firstJson = IndexOfFirst<JsonConfigurationSource>(sources);
        var position = firstJson >= 0 ? firstJson : sources.Count;
        var files = new PhysicalFileProvider(layout.RootDirectory);
        sources.Insert(position, Json(files, "appsettings.json"));
        sources.Insert(position + 1, Json(files, $"appsettings.{builder.Environment.EnvironmentName}.json"));
        return builder;
    }

    private static JsonConfigurationSource Json(IFileProvider files, string path) =>
        new() { FileProvider = files, Path = path, Optional = true, ReloadOnChange = false };

    private static int IndexOfFirst<T>(IList<IConfigurationSource> sources)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is T)
            {
                return i;
            }
        }

        return -1;
    }
}
