namespace PrescreenBot.Bot.Schema;

/// <summary>The synchronous HTTP answer to an <c>invoke</c> activity: status code and JSON body.</summary>
public sealed record InvokeResponse(int Status, object? Body = null);
