using Microsoft.Extensions.Logging;
using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Conversation.Resources;
using PrescreenBot.Conversation.Screening;

namespace PrescreenBot.Conversation.Flow;

/// <summary>What the steps of the flow share: wording, the planner, the site directory, the referral service, the clock, settings.</summary>
public sealed record FlowServices
{
    public required TextCatalog Texts { get; init; }

    public required ScreeningEngine Engine { get; init; }

    public required ISiteDirectory Sites { get; init; }

    public required IReferralService Referrals { get; init; }

    public required TimeProvider Time { get; init; }

    public required PrescreenOptions Options { get; init; }

    public required ILogger Logger { get; init; }
}
