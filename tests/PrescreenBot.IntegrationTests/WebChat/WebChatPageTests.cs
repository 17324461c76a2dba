using System.Net;
using System.Text.Json.Nodes;
using PrescreenBot.IntegrationTests.DirectLine;

namespace PrescreenBot.IntegrationTests.WebChat;

/// <summary>The page, its locally served Web Chat bundle and its server-side token endpoint, over real HTTP.</summary>
public sealed class WebChatPageTests(DirectLineApp app) : IClassFixture<DirectLineApp>
{
    [Fact]
    public async Task Page_Default_IsEnglishBrandedAccessibleAndLoadsTheLocalBundle()
    {
        using var client = app.CreateDirectLineClient();

        using var response = await client.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("<html lang=\"en\"").And.Contain("data-locale=\"en-US\"");
        html.Should().Contain("PrescreenBot").And.Contain("This is not medical advice.");
        html.Should().Contain("<header").And.Contain("<main").And.Contain("<footer").And.Contain("role=\"region\"").And.Contain("aria-label=");
        html.Should().Contain("src=\"/webchat/webchat.js\"").And.NotContain("cdn.botframework.com").And.NotContain("https://");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'");
    }

    [Fact]
    public async Task Page_WithChineseLocale_HasLangAndTextInChinese()
    {
        using var client = app.CreateDirectLineClient();

        var html = await client.Http.GetStringAsync("/?locale=zh-CN&trial=NCT01234567");

        html.Should().Contain("<html lang=\"zh-CN\"").And.Contain("data-locale=\"zh-CN\"").And.Contain("这不是医疗建议");
    }

    [Fact]
    public async Task Bundle_IsServedLocallyAsJavaScriptAndIsWebChat4181()
    {
        using var client = app.CreateDirectLineClient();

        using var response = await client.Http.GetAsync("/webchat/webchat.js");
        var script = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        script.Length.Should().BeGreaterThan(1_000_000);
        script.Should().Contain("4.18.1");
    }

    [Fact]
    public async Task Bundle_ForABrowserAcceptingGzip_IsCompressedAndRevalidatesWithItsETag()
    {
        using var handler = new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None };
        using var http = new HttpClient(handler) { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/webchat/webchat.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");

        using var response = await http.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        using var again = new HttpRequestMessage(HttpMethod.Get, "/webchat/webchat.js");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await http.SendAsync(again);

        response.Content.Headers.ContentEncoding.Should().Equal("gzip");
        compressed.Length.Should().BeLessThan(1_500_000);
        using var unzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(unzip);
        (await reader.ReadToEndAsync()).Should().Contain("4.18.1");
        revalidated.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData("/webchat/index.html")]
    [InlineData("/webchat/package.json")]
    [InlineData("/webchat/..%2Fappsettings.json")]
    public async Task Assets_OtherThanTheBundleAndPageFiles_AreNotServed(string path)
    {
        using var client = app.CreateDirectLineClient();

        using var response = await client.Http.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TokenEndpoint_MintsATokenForANewConversationWithoutAnySecret()
    {
        using var client = app.CreateDirectLineClient();

        using var response = await client.Http.PostAsync("/api/webchat/token", new StringContent("{}"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var started = await client.StartAsync((string)body["token"]!);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        ((int)body["expires_in"]!).Should().Be(1800);
        ((string)started["conversationId"]!).Should().Be((string)body["conversationId"]!);
        (await response.Content.ReadAsStringAsync()).Should().NotContain(DirectLineApp.Secret);
    }
}
