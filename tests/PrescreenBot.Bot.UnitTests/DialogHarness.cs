using PrescreenBot.Bot.Dialogs;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Testing;

namespace PrescreenBot.Bot.UnitTests;

/// <summary>Runs a root dialog the way a bot does: load state from MemoryStorage, run, save — so every turn makes a JSON round trip.</summary>
internal sealed class DialogHarness
{
    public DialogHarness(Dialog dialog, string locale = "en-US", TimeProvider? timeProvider = null)
    {
        Storage = new MemoryStorage();
        ConversationState = new ConversationState(Storage);
        Adapter = new TestAdapter(locale: locale, timeProvider: timeProvider);
        var accessor = ConversationState.CreateProperty<DialogState>("DialogState");
        Flow = new TestFlow(Adapter, async (turnContext, cancellationToken) =>
        {
            var result = await dialog.RunAsync(turnContext, accessor, cancellationToken);
            Results.Add(result);
            await ConversationState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
        });
    }

    public MemoryStorage Storage { get; }
    public ConversationState ConversationState { get; }
    public TestAdapter Adapter { get; }
    public TestFlow Flow { get; }
    public List<DialogTurnResult> Results { get; } = [];

    public async Task<int> StoredStateBytesAsync()
    {
        var read = await Storage.ReadAsync(["test/conversations/Convo1"]);
        return read.TryGetValue("test/conversations/Convo1", out var value) ? System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value).Length : 0;
    }
}
