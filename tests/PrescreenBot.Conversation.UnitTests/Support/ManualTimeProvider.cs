namespace PrescreenBot.Conversation.UnitTests.Support;

/// <summary>A clock the test moves by hand (breaks between turns, consent times).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public static DateTimeOffset DefaultStart { get; } = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    public ManualTimeProvider()
        : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
