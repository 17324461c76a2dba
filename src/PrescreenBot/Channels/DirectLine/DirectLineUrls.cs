using System.Text;
using Microsoft.Extensions.Options;
using PrescreenBot.Channels.DirectLine.Store;

namespace PrescreenBot.Channels.DirectLine;

/// <summary>The absolute URLs Direct Line hands out: <c>serviceUrl</c> on activities and the WebSocket <c>streamUrl</c>.</summary>
public sealed class DirectLineUrls(IOptions<DirectLineOptions> options)
{
    public const string BasePath = "/v3/directline";

    public string ServiceUrl(HttpRequest request) => BaseUrl(request) + "/";

    /// <summary><c>ws(s)://host/v3/directline/conversations/{id}/stream?watermark=…&amp;t=…</c>; the token rides in the URL because browsers cannot set WebSocket headers.</summary>
    public string StreamUrl(HttpRequest request, string conversationId, long watermark, string token)
    {
        var http = BaseUrl(request);
        var ws = http.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + http[8..]
            : http.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + http[7..]
            : http;
        var url = new StringBuilder(ws).Append(BasePath).Append("/conversations/").Append(Uri.EscapeDataString(conversationId)).Append("/stream?");
        if (watermark > 0)
        {
            url.Append("watermark=").Append(DirectLineActivityIds.FormatWatermark(watermark)).Append('&');
        }

        return url.Append("t=").Append(Uri.EscapeDataString(token)).ToString();
    }

    private string BaseUrl(HttpRequest request)
    {
        var configured = options.Value.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configured.TrimEnd('/');
    }
}
