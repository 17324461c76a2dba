using BenchmarkDotNet.Attributes;
using PrescreenBot.Bot.Dialogs;
using PrescreenBot.Bot.Dialogs.Interruptions;
using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Benchmarks.Bot;

/// <summary>
/// One turn of a 12-question waterfall on MemoryStorage, through the adapter: load state, check for an interruption,
/// recognize the answer, store it, ask the next question, save state (with its ETag). The waterfall starts over after
/// the twelfth answer, so successive turns walk all twelve steps. Target: &lt; 50 µs and &lt; 16 KB per turn.
/// </summary>
[MemoryDiagnoser]
public class WaterfallTurnBenchmarks
{
    private const int QuestionCount = 12;

    private readonly BenchmarkAdapter _adapter = new();
    private ConversationState _conversationState = null!;
    private IStatePropertyAccessor<DialogState> _dialogState = null!;
    private Dialog _dialog = null!;
    private BotCallbackHandler _bot = null!;
    private int _turn;

    [GlobalSetup]
    public void Setup()
    {
        _conversationState = new ConversationState(new MemoryStorage());
        _dialogState = _conversationState.CreateProperty<DialogState>("DialogState");
        _dialog = BuildDialog();
        _bot = async (turnContext, cancellationToken) =>
        {
            await _dialog.RunAsync(turnContext, _dialogState, cancellationToken);
            await _conversationState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
        };
        _adapter.ProcessAsync(Incoming("hi"), _bot).GetAwaiter().GetResult();
    }

    [Benchmark(Description = "12-step waterfall: one answered question")]
    public Task OneTurn() => _adapter.ProcessAsync(Incoming((_turn++ % 3) switch { 0 => "yes", 1 => "no", _ => "not sure" }), _bot);

    private static Activity Incoming(string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1",
        ChannelId = "webchat",
        ServiceUrl = "https://directline.example/",
        From = new ChannelAccount("user-1", role: RoleTypes.User),
        Recipient = new ChannelAccount("bot", role: RoleTypes.Bot),
        Conversation = new ConversationAccount("conversation-1"),
        Locale = "en-US",
        Text = text,
    };

    private static Dialog BuildDialog()
    {
        var steps = new List<WaterfallStep>();
        for (var i = 0; i <= QuestionCount; i++)
        {
            var index = i;
            steps.Add(async (step, ct) =>
            {
                if (index > 0)
                {
                    step.Values[$"q{index}"] = step.Result;
                }

                return index == QuestionCount
                    ? await step.ReplaceDialogAsync("questions", null, ct)
                    : await step.PromptAsync("answer", new PromptOptions { Prompt = MessageFactory.Text($"Question {index + 1}: have you ever had condition number {index + 1}?") }, ct);
            });
        }

        var root = new InterruptibleDialog("screening");
        root.AddDialog(new WaterfallDialog("questions", steps));
        root.AddDialog(new YesNoUnsurePrompt("answer"));
        return root;
    }
}
