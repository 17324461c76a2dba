using System.Text;
using System.Text.Json;
using PrescreenBot.Conversation.UnitTests.Personas;
using PrescreenBot.Conversation.UnitTests.Support;
using Xunit.Abstractions;

namespace PrescreenBot.Conversation.UnitTests.Session;

/// <summary>
/// The conversation state each persona leaves in storage after every turn, as the real <c>ConversationState</c> writes it
/// (issue 6: bytes of state per conversation under 2 KB).
/// </summary>
public sealed class StoredStateSizeTests(ITestOutputHelper output)
{
    /// <summary>Issue 6's target for a finished conversation: under 2 KB.</summary>
    private const int MaxFinishedBytes = 2_048;

    /// <summary>
    /// Ceiling for the largest finished conversation of any persona. Measured 1,684 bytes (the "not sure" persona, whose every
    /// checklist opens item by item); before the compact form of <c>StoredForm</c> it was 4,589 (lupus: 3,348 → 1,640).
    /// </summary>
    private const int MaxFinishedBytesMeasured = 1_750;

    /// <summary>
    /// Ceiling for any turn of any persona. Measured at most 3,376 bytes: the Chinese persona waiting at "which study?", whose
    /// five trial titles are stored once, in full, as the question's options (and escaped as \uXXXX by the state's JSON
    /// encoder). Was 8,064 before the pending question was kept once and its word lists by key.
    /// </summary>
    private const int MaxTurnBytes = 3_450;

    /// <summary>Ceiling for the median turn across every persona. Measured 1,536 bytes; was 2,742.</summary>
    private const int MaxMedianTurnBytes = 1_600;

    /// <summary>Safety net against a conversation that never settles (a bug): no screen has this many turns.</summary>
    private const int MaxTurns = 100;

    [Fact]
    public async Task StoredConversation_EveryPersonaEveryTurn_UnderCeilingsAndFinishedUnder2KB()
    {
        var walks = new List<(Persona Persona, List<int> Sizes, int Finished)>();
        foreach (var persona in Persona.All)
        {
            var (steps, sizes, finalBytes) = await WalkAsync(persona);
            var largest = sizes.IndexOf(sizes.Max());
            output.WriteLine($"{persona.Name}: {sizes.Count} turns, median {Median(sizes)} B, max {sizes[largest]} B (waiting at {steps[largest]}), finished {finalBytes} B");
            walks.Add((persona, sizes, finalBytes));
        }

        var turns = walks.SelectMany(w => w.Sizes).ToList();
        var finished = walks.Select(w => w.Finished).ToList();
        var median = Median(turns);
        output.WriteLine($"all personas: {turns.Count} turns, median {median} B, max {turns.Max()} B; finished median {Median(finished)} B, max {finished.Max()} B");
        foreach (var (persona, sizes, finalBytes) in walks)
        {
            finalBytes.Should().BeLessThan(MaxFinishedBytes, $"{persona.Name} finished");
            finalBytes.Should().BeLessThanOrEqualTo(MaxFinishedBytesMeasured, $"{persona.Name} finished");
            sizes.Should().OnlyContain(b => b <= MaxTurnBytes, $"no turn of {persona.Name} may grow back");
        }

        median.Should().BeLessThanOrEqualTo(MaxMedianTurnBytes);
    }

    [Fact]
    public async Task StoredConversation_LupusWoman34Finished_ReadsBackTheSameSession()
    {
        var bot = await Persona.LupusWoman34.ScreenAsync();
        await bot.SayAsync("None of them");

        var stored = await StoredJsonAsync(bot);
        output.WriteLine($"stored conversation state: {Encoding.UTF8.GetByteCount(stored)} bytes");
        output.WriteLine(stored);

        var session = await bot.StoredSessionAsync();
        session.Finished.Should().BeTrue("the patient answered the sharing question, which ends the pre-screen");
        session.Answers.Should().HaveCount(36);
        session.Answers["age"].Number.Should().Be(34);
        session.Answers["active-infection"].WithinDays.Should().Be(90);
        session.Answers["condition"].Choices.Should().Equal("sle");
        session.History.Should().HaveCount(20);
        session.History.Single(h => h.StepId == "group:infections").Keys.Should().Equal("hiv", "hepatitis-b", "hepatitis-c", "syphilis");
        session.History.Should().OnlyContain(h => h.Counted == (h.StepId.StartsWith("key:", StringComparison.Ordinal) || h.StepId.StartsWith("group:", StringComparison.Ordinal)));
        session.Locale.Should().Be("en-US");
    }

    [Fact]
    public async Task StoredConversation_WaitingForAnAnswer_KeepsTheQuestionOnceNotItsActivities()
    {
        var bot = await Persona.LupusWoman34.ScreenAsync();

        var stored = await StoredJsonAsync(bot);
        output.WriteLine($"stored conversation state at {bot.CurrentStep}: {Encoding.UTF8.GetByteCount(stored)} bytes");
        output.WriteLine(stored);

        bot.CurrentStep.Should().Be("share:which");
        stored.Should().NotContain("suggestedActions", "the question's activities are made from the ask when sent, not stored");
        CountOf(stored, "\"stepId\":\"share:which\"").Should().Be(1, "the ask is kept in the session only; the prompt's options name it");
        CountOf(stored, "Anti-CD19 Chimeric Antigen Receptor T Cells").Should().Be(1, "a trial's title is stored once");
    }

    /// <summary>Screens <paramref name="persona"/> to the end (declining to share), measuring the stored state after every turn.</summary>
    private static async Task<(List<string?> Steps, List<int> Sizes, int Finished)> WalkAsync(Persona persona)
    {
        var bot = new BotHarness(SeedDialogs.Catalog, persona.Locale);
        var steps = new List<string?>();
        var sizes = new List<int>();
        await bot.JoinAsync();
        steps.Add(bot.CurrentStep);
        sizes.Add(await StoredBytesAsync(bot));
        for (var turn = 0; turn < MaxTurns && !(await bot.StoredSessionAsync()).Finished; turn++)
        {
            var step = bot.CurrentStep ?? throw new InvalidOperationException($"{persona.Name}: the bot asked nothing.");
            await bot.SayAsync(AnswerFor(persona, step, bot.CurrentKeys));
            steps.Add(bot.CurrentStep);
            sizes.Add(await StoredBytesAsync(bot));
        }

        (await bot.StoredSessionAsync()).Finished.Should().BeTrue($"{persona.Name} reaches the end within {MaxTurns} turns");
        return (steps, sizes, sizes[^1]);
    }

    /// <summary>The persona's answer; after the verdicts, each persona declines to share (so the conversation ends).</summary>
    private static string AnswerFor(Persona persona, string step, IReadOnlyList<string> keys)
    {
        var chinese = persona.Locale == "zh-CN";
        return step switch
        {
            "share:which" => chinese ? "都不" : "None of them",
            _ when step.StartsWith("share:", StringComparison.Ordinal) => chinese ? "否" : "no",
            _ => Answering.AnswerFor(step, keys, persona.Answers, persona.Otherwise),
        };
    }

    private static async Task<string> StoredJsonAsync(BotHarness bot)
    {
        var key = $"{bot.Adapter.Conversation.ChannelId}/conversations/{bot.Adapter.Conversation.Conversation!.Id}";
        return ((JsonElement)(await bot.Storage.ReadAsync([key]))[key]).GetRawText();
    }

    private static async Task<int> StoredBytesAsync(BotHarness bot) => Encoding.UTF8.GetByteCount(await StoredJsonAsync(bot));

    private static int Median(List<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
