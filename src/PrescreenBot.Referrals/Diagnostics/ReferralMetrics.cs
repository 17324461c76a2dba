using System.Diagnostics.Metrics;

namespace PrescreenBot.Referrals.Diagnostics;

/// <summary>Counters per referral outcome. Tags are ids and codes only, never PHI.</summary>
public sealed class ReferralMetrics
{
    public const string MeterName = "PrescreenBot.Referrals";

    private readonly Counter<long> _created;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _succeeded;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _dead;

    /// <summary>Uses the host's meter factory when there is one, so meters are disposed with the host.</summary>
    public ReferralMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _created = meter.CreateCounter<long>("prescreen.referrals.created", description: "Referrals written (new idempotency keys).");
        _duplicates = meter.CreateCounter<long>("prescreen.referrals.duplicates", description: "Create calls answered with an existing referral.");
        _succeeded = meter.CreateCounter<long>("prescreen.referrals.deliveries.succeeded", description: "Deliveries accepted by a site channel.");
        _failed = meter.CreateCounter<long>("prescreen.referrals.deliveries.failed", description: "Delivery attempts that failed and will be retried.");
        _dead = meter.CreateCounter<long>("prescreen.referrals.deliveries.dead", description: "Deliveries given up after the last attempt (dead-lettered).");
    }

    public void ReferralCreated(string trialId, string verdict) =>
        _created.Add(1, new KeyValuePair<string, object?>("trial", trialId), new KeyValuePair<string, object?>("verdict", verdict));

    public void DuplicateReferral() => _duplicates.Add(1);

    public void DeliverySucceeded(string channel) => _succeeded.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void DeliveryFailed(string channel, string errorCode) =>
        _failed.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("error", errorCode));

    public void DeliveryDead(string channel, string errorCode) =>
        _dead.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("error", errorCode));
}
