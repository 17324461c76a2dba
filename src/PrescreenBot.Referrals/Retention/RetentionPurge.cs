using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrescreenBot.Referrals.Referrals;
using PrescreenBot.Referrals.Transcripts;

namespace PrescreenBot.Referrals.Retention;

/// <summary>Removes referrals (with their outbox rows) and transcript entries older than their retention.</summary>
public sealed partial class RetentionPurge(
    ReferralStore referrals,
    TranscriptStore transcripts,
    IOptions<ReferralsOptions> referralOptions,
    IOptions<TranscriptsOptions> transcriptOptions,
    TimeProvider timeProvider,
    ILogger<RetentionPurge> logger)
{
    /// <summary>One purge; a retention of 0 days keeps that kind of data.</summary>
    public async Task<RetentionPurgeResult> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var referralDays = referralOptions.Value.RetentionDays;
        var transcriptDays = transcriptOptions.Value.RetentionDays;
        var removedReferrals = referralDays > 0
            ? await referrals.PurgeCreatedBeforeAsync(now.AddDays(-referralDays), cancellationToken).ConfigureAwait(false)
            : 0;
        var removedEntries = transcriptDays > 0
            ? await transcripts.PurgeRecordedBeforeAsync(now.AddDays(-transcriptDays), cancellationToken).ConfigureAwait(false)
            : 0;
        LogPurged(removedReferrals, removedEntries);
        return new RetentionPurgeResult(removedReferrals, removedEntries);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge removed {Referrals} referrals and {TranscriptEntries} transcript entries")]
    private partial void LogPurged(int referrals, int transcriptEntries);
}

public sealed record RetentionPurgeResult(int Referrals, int TranscriptEntries);
