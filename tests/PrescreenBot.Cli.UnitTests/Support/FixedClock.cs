namespace PrescreenBot.Cli.UnitTests.Support;

/// <summary>A clock stopped at one instant: the stale-status flag and consent timestamps depend on "today".</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>The date the seed documents are judged against (as in the Trials tests).</summary>
    public static readonly FixedClock SeedDay = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
