using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Testing;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.UnitTests.State;

public sealed class BotStateSetTests
{
    [Fact]
    public async Task LoadAllAsync_TwoStates_OneReadOfBothKeys()
    {
        var storage = new CountingStorage();
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        var set = new BotStateSet(conversation, user);
        var turn = new TurnContext(new TestAdapter(), new TestAdapter().MakeActivity("hi"));

        await set.LoadAllAsync(turn);
        await conversation.CreateProperty<string>("answer").GetAsync(turn);
        await user.CreateProperty<string>("language").GetAsync(turn);

        storage.Reads.Should().Be(1);
        storage.ReadKeys[0].Should().BeEquivalentTo(conversation.GetStorageKey(turn), user.GetStorageKey(turn));
    }

    [Fact]
    public async Task LoadAllAsync_AlreadyLoaded_NoRead()
    {
        var storage = new CountingStorage();
        var conversation = new ConversationState(storage);
        var set = new BotStateSet(conversation);
        var turn = new TurnContext(new TestAdapter(), new TestAdapter().MakeActivity("hi"));
        await set.LoadAllAsync(turn);

        await set.LoadAllAsync(turn);

        storage.Reads.Should().Be(1);
    }

    [Fact]
    public async Task SaveAllChangesAsync_BothChanged_OneWriteOfBothKeys()
    {
        var storage = new CountingStorage();
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        var set = new BotStateSet(conversation, user);
        var adapter = new TestAdapter();
        var turn = new TurnContext(adapter, adapter.MakeActivity("hi"));
        await set.LoadAllAsync(turn);
        await conversation.CreateProperty<string>("answer").SetAsync(turn, "yes");
        await user.CreateProperty<string>("language").SetAsync(turn, "en");

        await set.SaveAllChangesAsync(turn);

        storage.Writes.Should().Be(1);
        storage.WrittenKeys[0].Should().BeEquivalentTo(conversation.GetStorageKey(turn), user.GetStorageKey(turn));
        var next = new TurnContext(adapter, adapter.MakeActivity("again"));
        (await conversation.CreateProperty<string>("answer").GetAsync(next)).Should().Be("yes");
        (await user.CreateProperty<string>("language").GetAsync(next)).Should().Be("en");
    }

    [Fact]
    public async Task SaveAllChangesAsync_NothingChanged_NoWrite()
    {
        var storage = new CountingStorage();
        var set = new BotStateSet(new ConversationState(storage), new UserState(storage));
        var adapter = new TestAdapter();
        var turn = new TurnContext(adapter, adapter.MakeActivity("hi"));
        await set.LoadAllAsync(turn);

        await set.SaveAllChangesAsync(turn);

        storage.Writes.Should().Be(0);
    }

    [Fact]
    public async Task SaveAllChangesAsync_SavedTwice_SecondWritesNothing()
    {
        var storage = new CountingStorage();
        var conversation = new ConversationState(storage);
        var set = new BotStateSet(conversation);
        var adapter = new TestAdapter();
        var turn = new TurnContext(adapter, adapter.MakeActivity("hi"));
        await conversation.CreateProperty<string>("answer").SetAsync(turn, "yes");
        await set.SaveAllChangesAsync(turn);

        await set.SaveAllChangesAsync(turn);

        storage.Writes.Should().Be(1);
    }

    [Fact]
    public async Task SaveAllChangesAsync_OneStateConflicts_NothingWrittenAndThrows()
    {
        var storage = new CountingStorage();
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        var set = new BotStateSet(conversation, user);
        var answer = conversation.CreateProperty<string>("answer");
        var language = user.CreateProperty<string>("language");
        var adapter = new TestAdapter();
        var racing = new TurnContext(adapter, adapter.MakeActivity("A"));
        await set.LoadAllAsync(racing);
        var winner = new TurnContext(adapter, adapter.MakeActivity("B"));
        await answer.SetAsync(winner, "B");
        await set.SaveAllChangesAsync(winner);
        await answer.SetAsync(racing, "A");
        await language.SetAsync(racing, "zh");

        var save = () => set.SaveAllChangesAsync(racing);

        await save.Should().ThrowAsync<EtagException>();
        var check = new TurnContext(adapter, adapter.MakeActivity("check"));
        (await answer.GetAsync(check)).Should().Be("B");
        (await language.GetAsync(check)).Should().BeNull("the batch is all or nothing");
    }

    [Fact]
    public async Task AutoSaveStateMiddleware_TurnUsingTwoStates_OneReadOneWrite()
    {
        var storage = new CountingStorage();
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        var answers = conversation.CreateProperty<List<string>>("answers");
        var language = user.CreateProperty<string>("language");
        var adapter = new TestAdapter();
        adapter.Use(new AutoSaveStateMiddleware(conversation, user));
        BotCallbackHandler turn = async (ctx, ct) =>
        {
            (await answers.GetAsync(ctx, () => [], ct))!.Add(ctx.Activity.Text!);
            await language.SetAsync(ctx, "en", ct);
            await ctx.SendActivityAsync("ok", cancellationToken: ct);
        };
        await adapter.SendTextToBotAsync("first", turn);
        storage.ResetCounts();

        await adapter.SendTextToBotAsync("second", turn);

        storage.Reads.Should().Be(1);
        storage.Writes.Should().Be(1);
        var check = new TurnContext(adapter, adapter.MakeActivity("check"));
        (await answers.GetAsync(check)).Should().Equal("first", "second");
    }

    [Fact]
    public void Constructor_NullState_Throws()
    {
        var create = () => new BotStateSet(new ConversationState(new MemoryStorage()), null!);

        create.Should().Throw<ArgumentNullException>();
    }
    [Fact]
    public async Task SaveUnsavedChangesAsync_StateTheBotSaved_NotWrittenAgain()
    {
        var storage = new CountingStorage();
        var conversation = new ConversationState(storage);
        var set = new BotStateSet(conversation);
        var adapter = new TestAdapter();
        var turn = new TurnContext(adapter, adapter.MakeActivity("hi"));
        await conversation.CreateProperty<string>("answer").SetAsync(turn, "yes");
        await set.SaveAllChangesAsync(turn);
        storage.ResetCounts();

        await set.SaveUnsavedChangesAsync(turn);

        storage.Writes.Should().Be(0);
    }

    [Fact]
    public async Task SaveUnsavedChangesAsync_StateNobodySaved_Written()
    {
        var storage = new CountingStorage();
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        var set = new BotStateSet(conversation, user);
        var adapter = new TestAdapter();
        var turn = new TurnContext(adapter, adapter.MakeActivity("hi"));
        await conversation.CreateProperty<string>("answer").SetAsync(turn, "yes");
        await new BotStateSet(conversation).SaveAllChangesAsync(turn);
        await user.CreateProperty<string>("language").SetAsync(turn, "en");
        storage.ResetCounts();

        await set.SaveUnsavedChangesAsync(turn);

        storage.Writes.Should().Be(1);
        storage.WrittenKeys[0].Should().Equal(user.GetStorageKey(turn));
    }
}
