namespace PrescreenBot.Bot.Prompts;

/// <summary>
/// The result of a prompt that gave up after its maximum number of attempts. The step after the prompt sees it as
/// <c>stepContext.Result is PromptNotRecognized</c> and moves on (e.g. records "unknown") instead of asking forever.
/// </summary>
public sealed record PromptNotRecognized(string PromptId, int AttemptCount);
