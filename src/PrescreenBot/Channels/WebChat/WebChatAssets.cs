namespace PrescreenBot.Channels.WebChat;

/// <summary>
/// The files under <c>webchat/</c> in the output directory (the build copies <c>Page/</c> and npm's
/// <c>botframework-webchat/dist/webchat.js</c> there). Only these names are ever served.
/// </summary>
public sealed class WebChatAssets
{
    public const string PageTemplate = "index.html";
    public const string Bundle = "webchat.js";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [Bundle] = "text/javascript; charset=utf-8",
        ["webchat-page.js"] = "text/javascript; charset=utf-8",
        ["webchat-page.css"] = "text/css; charset=utf-8",
    };

    public WebChatAssets()
        : this(Path.Combine(AppContext.BaseDirectory, "webchat"))
    {
    }

    public WebChatAssets(string directory)
    {
        Directory = directory;
        var bundle = PathOf(Bundle);
        if (!File.Exists(bundle) || !File.Exists(PathOf(PageTemplate)))
        {
            throw new InvalidOperationException(
                $"The Web Chat assets are missing from {directory}. The build installs them (npm ci in src/PrescreenBot/Channels/WebChat); rebuild with node and npm available.");
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WebChatCompressedAsset> _loaded = new(StringComparer.Ordinal);

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Serves a servable asset (compressed when the browser accepts it); 404 for any other name.</summary>
    public IResult Serve(HttpContext context, string name)
    {
        if (ContentTypeOf(name) is not { } contentType)
        {
            return Results.NotFound();
        }

        return _loaded.GetOrAdd(name, n => new WebChatCompressedAsset(PathOf(n), contentType)).Serve(context);
    }

    /// <summary>The content type of a servable asset; null for any name that is not one (so nothing else can be fetched).</summary>
    public static string? ContentTypeOf(string name) => ContentTypes.GetValueOrDefault(name);
}
