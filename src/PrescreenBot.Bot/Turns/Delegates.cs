using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.Turns;

/// <summary>The bot logic an adapter runs at the end of the middleware pipeline.</summary>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);

/// <summary>Continues the middleware pipeline.</summary>
public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>Sees (and may change or drop) outgoing activities; call <paramref name="next"/> to send them on.</summary>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next);

/// <summary>Sees an activity update; call <paramref name="next"/> to perform it.</summary>
public delegate Task<ResourceResponse> UpdateActivityHandler(ITurnContext turnContext, Activity activity, Func<Task<ResourceResponse>> next);

/// <summary>Sees an activity deletion; call <paramref name="next"/> to perform it.</summary>
public delegate Task DeleteActivityHandler(ITurnContext turnContext, ConversationReference reference, Func<Task> next);
