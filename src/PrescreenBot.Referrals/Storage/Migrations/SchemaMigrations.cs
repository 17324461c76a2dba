namespace PrescreenBot.Referrals.Storage.Migrations;

/// <summary>
/// The schema, as an append-only list: never edit a shipped step, add the next version.
/// Timestamps are Unix milliseconds (UTC); JSON columns are TEXT so one schema serves both providers.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "referrals and outbox", _ => """
            CREATE TABLE referrals (
                id TEXT PRIMARY KEY,
                idempotency_key TEXT NOT NULL UNIQUE,
                trial_id TEXT NOT NULL,
                site_id TEXT NOT NULL,
                verdict TEXT NOT NULL,
                contact_name TEXT NOT NULL,
                contact_phone TEXT NULL,
                contact_email TEXT NULL,
                contact_best_time TEXT NULL,
                contact_preferred_language TEXT NULL,
                answered_by_guardian INTEGER NOT NULL,
                answers_json TEXT NOT NULL,
                flags_json TEXT NOT NULL,
                consent_wording_version TEXT NOT NULL,
                screening_consent_at_ms BIGINT NOT NULL,
                sharing_consent_at_ms BIGINT NOT NULL,
                channel_id TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                locale TEXT NOT NULL,
                created_at_ms BIGINT NOT NULL,
                status TEXT NOT NULL
            );
            CREATE INDEX ix_referrals_conversation ON referrals (channel_id, conversation_id);
            CREATE INDEX ix_referrals_created ON referrals (created_at_ms);
            CREATE TABLE outbox (
                id TEXT PRIMARY KEY,
                referral_id TEXT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
                channel TEXT NOT NULL,
                target TEXT NOT NULL,
                state TEXT NOT NULL,
                attempt_count INTEGER NOT NULL,
                next_attempt_at_ms BIGINT NOT NULL,
                lease_owner TEXT NULL,
                lease_until_ms BIGINT NULL,
                last_error_code TEXT NULL,
                created_at_ms BIGINT NOT NULL,
                delivered_at_ms BIGINT NULL
            );
            CREATE INDEX ix_outbox_due ON outbox (state, next_attempt_at_ms);
            CREATE INDEX ix_outbox_referral ON outbox (referral_id);
            """),
        new(2, "transcripts", dialect => $"""
            CREATE TABLE transcripts (
                id {dialect.IdentityPrimaryKey},
                channel_id TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                activity_id TEXT NULL,
                direction TEXT NOT NULL,
                activity_type TEXT NOT NULL,
                timestamp_ms BIGINT NOT NULL,
                recorded_at_ms BIGINT NOT NULL,
                activity_json TEXT NOT NULL
            );
            CREATE INDEX ix_transcripts_conversation ON transcripts (channel_id, conversation_id, id);
            CREATE INDEX ix_transcripts_recorded ON transcripts (recorded_at_ms);
            """),
    ];
}
