using System.Text.Json;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>
/// A small, predictable bot for channel and turn tests (the real conversation has its own tests):
/// "choices" → suggested actions; "count" → increments a counter in conversation state and says it; "boom" → throws;
/// anything else → "echo: {text}". Welcomes added members; answers invokes with 200 and the invoke's name.
/// </summary>
public sealed class EchoTestBot(ConversationState conversationState) : ActivityHandler
{
    private readonly IStatePropertyAccessor<int> _counter = conversationState.CreateProperty<int>("counter");

    /// <summary>Called inside each turn before the state is saved (tests use it to race another writer).</summary>
    public Func<ITurnContext, Task>? BeforeSave { get; set; }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        if (BeforeSave is { } hook)
        {
            await hook(turnContext);
        }

        await conversationState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? string.Empty;
        switch (text)
        {
            case "choices":
                await turnContext.SendActivityAsync(MessageFactory.SuggestedActions(["Yes", "No", "Not sure"], "Do you agree?"), cancellationToken);
                break;
            case "count":
                var count = await _counter.GetAsync(turnContext, () => 0, cancellationToken) + 1;
                await _counter.SetAsync(turnContext, count, cancellationToken);
                await turnContext.SendActivityAsync($"count: {count}", cancellationToken: cancellationToken);
                break;
            case "boom":
                await turnContext.SendActivityAsync("about to fail", cancellationToken: cancellationToken);
                throw new InvalidOperationException("test failure");
            default:
                await turnContext.SendActivityAsync($"echo: {text}", cancellationToken: cancellationToken);
                break;
        }
    }

    protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync("welcome", cancellationToken: cancellationToken);

    protected override Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.FromResult(new InvokeResponse(200, JsonSerializer.SerializeToElement(new { ok = true, name = turnContext.Activity.Name })));
}
