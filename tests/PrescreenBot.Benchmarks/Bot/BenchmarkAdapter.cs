using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Benchmarks.Bot;

/// <summary>A channel that drops replies: measures the bot core, not a transport.</summary>
internal sealed class BenchmarkAdapter : BotAdapter
{
    private static readonly ResourceResponse[] NoIds = [new ResourceResponse()];

    public Task ProcessAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default) =>
        RunPipelineAsync(new TurnContext(this, activity), callback, cancellationToken);

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken) =>
        Task.FromResult(activities.Length == 1 ? NoIds : activities.Select(_ => new ResourceResponse()).ToArray());

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(new ResourceResponse(activity.Id));

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
