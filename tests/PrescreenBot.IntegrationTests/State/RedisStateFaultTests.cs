using System.Diagnostics;
using System.Net;
using System.Text.Json;
using PrescreenBot.IntegrationTests.DirectLine;
using PrescreenBot.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace PrescreenBot.IntegrationTests.State;

/// <summary>
/// The whole host with the real pre-screen on <c>Storage:Provider=Redis</c>, against a private redis-server that each
/// test kills, restarts, freezes (SIGSTOP) and resumes (issue 6, Faults). Each test owns its Redis because it breaks it.
/// </summary>
public sealed class RedisStateFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Bot Connector gives a bot about this long to answer a turn; a hung Redis must not make us slower.</summary>
    private static readonly TimeSpan ChannelTimeout = TimeSpan.FromSeconds(15);

    /// <summary>After Redis is back the client reconnects with backoff; the patient resends until it answers. Far above a healthy reconnect.</summary>
    private const int MaxResends = 150;

    /// <summary>Between two resends of the same answer, as a patient would wait a moment.</summary>
    private static readonly TimeSpan ResendPause = TimeSpan.FromMilliseconds(200);

    /// <summary>Questions answered before the fault: past consent and intake, inside the screening.</summary>
    private const int AnswersBeforeFault = 4;

    private readonly RedisServer _redis = new() { AppendOnly = true };
    private PrescreenConversationApp _app = null!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _app = new PrescreenConversationApp(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = string.Empty,
            ["Storage:Provider"] = "Redis",
            ["Redis:Configuration"] = _redis.Configuration,
            ["DirectLine:Secret"] = DirectLineApp.Secret,
            ["Limits:ConversationRate:Enabled"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Messages_RedisRestartedMidConversation_PoliteWhileDownThenGoesOnFromTheSameQuestion()
    {
        using var client = Client();
        var patient = new ConnectorPatient(client, "emulator-redis-restart");
        await patient.JoinAsync();
        await patient.AnswerAsync(AnswersBeforeFault);
        var stepBefore = patient.CurrentStep;
        var questionBefore = patient.CurrentQuestion;
        var answer = patient.NextAnswer;

        await _redis.KillAsync();
        var whileDown = await patient.SayAsync(answer);
        await _redis.StartAsync();
        var resent = await ResendUntilAnsweredAsync(patient, answer);
        output.WriteLine($"Answered again after {resent} resend(s) once Redis was back.");

        ConnectorPatient.IsTryAgain(whileDown).Should().BeTrue($"a turn during the outage gets the polite reply, not an error; got: {ConnectorPatient.Describe(whileDown)}");
        stepBefore.Should().StartWith("key:", "the outage hits inside the screening questions");
        var expected = await SamePatientWithoutFaultAsync(client, "emulator-redis-restart-control", patient.Answers);
        patient.CurrentStep.Should().Be(expected.CurrentStep, "the answer given after the restart was taken for the question asked before it ({0}: {1})", stepBefore, questionBefore);
        patient.CurrentQuestion.Should().Be(expected.CurrentQuestion);
        resent.Should().BePositive();
        await HealthyAsync(client);
    }

    [Fact]
    public async Task Messages_RedisHung_PoliteReplyWithinTheChannelTimeoutAndPollingStays200ThenConversationContinues()
    {
        using var client = Client();
        using var directLine = new DirectLineTestClient(Client(), _app.BaseAddress);
        var patient = new ConnectorPatient(client, "emulator-redis-hung");
        await patient.JoinAsync();
        await patient.AnswerAsync(AnswersBeforeFault);
        var (conversationId, token, _) = await directLine.NewConversationAsync();
        var (_, watermark) = await directLine.PollAsync(conversationId, token);
        var answer = patient.NextAnswer;

        await _redis.PauseAsync();
        IReadOnlyList<PrescreenBot.Bot.Schema.Activity> whileHung;
        HttpStatusCode pollWhileHung;
        try
        {
            var turn = Stopwatch.StartNew();
            whileHung = await patient.SayAsync(answer);
            output.WriteLine($"The turn against the hung Redis answered in {turn.ElapsedMilliseconds} ms.");
            using var poll = await directLine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token, null);
            pollWhileHung = poll.StatusCode;
        }
        finally
        {
            await _redis.ResumeAsync();
        }

        output.WriteLine($"Answered again after {await ResendUntilAnsweredAsync(patient, answer)} resend(s) once Redis resumed.");

        ConnectorPatient.IsTryAgain(whileHung).Should().BeTrue($"a turn against a hung Redis times out into the polite reply; got: {ConnectorPatient.Describe(whileHung)}");
        pollWhileHung.Should().Be(HttpStatusCode.OK, "Direct Line polling never answers 5xx, even with Redis hung");
        var expected = await SamePatientWithoutFaultAsync(client, "emulator-redis-hung-control", patient.Answers);
        patient.CurrentStep.Should().Be(expected.CurrentStep, "the conversation goes on from the question it was at");
        patient.CurrentQuestion.Should().Be(expected.CurrentQuestion);
        var (afterResume, _) = await directLine.PollAsync(conversationId, token, watermark);
        afterResume.Should().NotBeNull();
        await HealthyAsync(client);
    }

    /// <summary>An HttpClient that gives up where a channel would: a hang fails the test instead of stalling it.</summary>
    private HttpClient Client() => new() { BaseAddress = _app.BaseAddress, Timeout = ChannelTimeout };

    /// <summary>Resends the same answer until the host stops asking to try again; returns how many resends it took.</summary>
    private static async Task<int> ResendUntilAnsweredAsync(ConnectorPatient patient, string answer)
    {
        for (var resend = 1; resend <= MaxResends; resend++)
        {
            if (!ConnectorPatient.IsTryAgain(await patient.SayAsync(answer)))
            {
                return resend;
            }

            await Task.Delay(ResendPause);
        }

        throw new InvalidOperationException($"The host still asked to try again after {MaxResends} resends with Redis back.");
    }

    /// <summary>The same answers in a fresh conversation, with Redis healthy: where the faulted conversation should be now.</summary>
    private static async Task<ConnectorPatient> SamePatientWithoutFaultAsync(HttpClient client, string conversationId, IReadOnlyList<string> answers)
    {
        var control = new ConnectorPatient(client, conversationId);
        await control.JoinAsync();
        await control.ReplayAsync(answers);
        return control;
    }

    private static async Task HealthyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("healthz", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().Should().Be("healthy", "the host survived the fault and reconnected");
    }
}
