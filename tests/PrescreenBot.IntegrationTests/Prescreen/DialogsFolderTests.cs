using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.Prescreen;

/// <summary>
/// The host's dialogs folder (<c>Prescreen:DialogsPath</c>): empty or missing → an error in the log naming the folder and a
/// degraded <c>/healthz</c>; a file that does not parse → the host refuses to start, naming the file.
/// </summary>
public sealed class DialogsFolderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prescreenbot-dialogs-").FullName;

    [Fact]
    public async Task Healthz_EmptyDialogsFolder_DegradedNamingTheFolder()
    {
        var logs = new RecordingLoggerProvider();
        using var app = new PrescreenBotApp(Settings(_folder), services => services.AddSingleton<ILoggerProvider>(logs));
        using var client = app.CreateHttpClient();

        using var response = await client.GetAsync("healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK, "a degraded instance still answers patients (politely)");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().Should().Be("degraded");
        var dialogs = body.RootElement.GetProperty("checks").GetProperty("dialogs");
        dialogs.GetProperty("status").GetString().Should().Be("degraded");
        dialogs.GetProperty("description").GetString().Should().Contain("no trial question sets loaded");
        dialogs.GetProperty("data").GetProperty("directory").GetString().Should().Be(_folder);
        dialogs.GetProperty("data").GetProperty("trials").GetInt32().Should().Be(0);
        logs.Entries.Should().Contain(e => e.Level == LogLevel.Error && e.Message.Contains(_folder, StringComparison.Ordinal)
            && e.Message.Contains("no question set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Healthz_MissingDialogsFolder_DegradedSayingItDoesNotExist()
    {
        var missing = Path.Combine(_folder, "not-there");
        using var app = new PrescreenBotApp(Settings(missing));
        using var client = app.CreateHttpClient();

        using var body = JsonDocument.Parse(await client.GetStringAsync("healthz"));

        var dialogs = body.RootElement.GetProperty("checks").GetProperty("dialogs");
        dialogs.GetProperty("status").GetString().Should().Be("degraded");
        dialogs.GetProperty("description").GetString().Should().Contain("does not exist");
        dialogs.GetProperty("data").GetProperty("directory").GetString().Should().Be(missing);
    }

    [Fact]
    public async Task Healthz_RepositoryDialogs_HealthyWithTheSeedTrials()
    {
        using var app = new PrescreenBotApp();
        using var client = app.CreateHttpClient();

        using var body = JsonDocument.Parse(await client.GetStringAsync("healthz"));

        var dialogs = body.RootElement.GetProperty("checks").GetProperty("dialogs");
        dialogs.GetProperty("status").GetString().Should().Be("healthy");
        dialogs.GetProperty("data").GetProperty("trials").GetInt32().Should().Be(5, "the five seed trials are checked in under dialogs/");
        dialogs.GetProperty("data").GetProperty("directory").GetString().Should().EndWith("dialogs");
    }

    [Fact]
    public void Start_DialogsFileThatDoesNotParse_RefusesToStartNamingTheFile()
    {
        var broken = Path.Combine(_folder, "NCT09990009.yaml");
        File.WriteAllText(broken, "trial: [this is not\n  a question set: {");
        using var app = new PrescreenBotApp(Settings(_folder));

        var start = () => app.CreateHttpClient();

        var error = start.Should().Throw<Exception>().Which;
        Messages(error).Should().Contain(m => m.Contains(broken, StringComparison.Ordinal) && m.Contains("could not be read", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, string?> Settings(string dialogsPath) => new() { ["Prescreen:DialogsPath"] = dialogsPath };

    private static IEnumerable<string> Messages(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error.Message;
        }
    }

    /// <summary>Keeps every log entry of the host (levels and rendered messages) for the test to read.</summary>
    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Recorder(Entries);

        public void Dispose()
        {
        }

        private sealed class Recorder(ConcurrentQueue<(LogLevel Level, string Message)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
