using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Testing;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.UnitTests.State;

/// <summary>
/// A state this process saved is not serialized again on its next load (its fingerprint is remembered by ETag); these
/// tests check that no change is ever missed because of it.
/// </summary>
public sealed class SavedStateFingerprintsTests
{
    private sealed class Answers
    {
        public List<string> Given { get; init; } = [];
    }

    private static TurnContext NewTurn(TestAdapter adapter) => new(adapter, adapter.MakeActivity("hi"));

    [Fact]
    public async Task SaveChangesAsync_NextTurnChangesASavedValueInPlace_Writes()
    {
        var storage = new CountingStorage();
        var state = new ConversationState(storage);
        var answers = state.CreateProperty<Answers>("answers");
        var adapter = new TestAdapter();
        var first = NewTurn(adapter);
        (await answers.GetAsync(first, () => new Answers()))!.Given.Add("yes");
        await state.SaveChangesAsync(first);
        storage.ResetCounts();

        var second = NewTurn(adapter);
        (await answers.GetAsync(second))!.Given.Add("no");
        await state.SaveChangesAsync(second);

        storage.Writes.Should().Be(1);
        (await answers.GetAsync(NewTurn(adapter)))!.Given.Should().Equal("yes", "no");
    }

    [Fact]
    public async Task SaveChangesAsync_NextTurnLeavesTheSavedVersion_DoesNotWrite()
    {
        var storage = new CountingStorage();
        var state = new ConversationState(storage);
        var answers = state.CreateProperty<Answers>("answers");
        var adapter = new TestAdapter();
        var first = NewTurn(adapter);
        (await answers.GetAsync(first, () => new Answers()))!.Given.Add("yes");
        await state.SaveChangesAsync(first);
        storage.ResetCounts();

        var second = NewTurn(adapter);
        (await answers.GetAsync(second))!.Given.Should().Equal("yes");
        await state.SaveChangesAsync(second);

        storage.Writes.Should().Be(0);
    }

    [Fact]
    public async Task SaveChangesAsync_AnotherInstanceSavedMeanwhile_ChangeBackToOurVersionIsWritten()
    {
        var storage = new CountingStorage();
        var ours = new ConversationState(storage);
        var theirs = new ConversationState(storage);
        var adapter = new TestAdapter();
        var first = NewTurn(adapter);
        await ours.CreateProperty<string>("answer").SetAsync(first, "yes");
        await ours.SaveChangesAsync(first);
        var elsewhere = NewTurn(adapter);
        await theirs.CreateProperty<string>("answer").SetAsync(elsewhere, "no");
        await theirs.SaveChangesAsync(elsewhere);
        storage.ResetCounts();

        var second = NewTurn(adapter);
        await ours.CreateProperty<string>("answer").SetAsync(second, "yes");
        await ours.SaveChangesAsync(second);

        storage.Writes.Should().Be(1);
        (await theirs.CreateProperty<string>("answer").GetAsync(NewTurn(adapter))).Should().Be("yes");
    }

    [Fact]
    public async Task SaveChangesAsync_AfterDeleteTheOldContentAgain_Writes()
    {
        var storage = new CountingStorage();
        var state = new ConversationState(storage);
        var answer = state.CreateProperty<string>("answer");
        var adapter = new TestAdapter();
        var first = NewTurn(adapter);
        await answer.SetAsync(first, "yes");
        await state.SaveChangesAsync(first);
        await state.DeleteAsync(NewTurn(adapter));
        storage.ResetCounts();

        var second = NewTurn(adapter);
        await answer.SetAsync(second, "yes");
        await state.SaveChangesAsync(second);

        storage.Writes.Should().Be(1);
        (await answer.GetAsync(NewTurn(adapter))).Should().Be("yes");
    }
}
