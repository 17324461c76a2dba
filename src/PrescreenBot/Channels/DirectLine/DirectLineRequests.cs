using PrescreenBot.Channels.DirectLine.Store;
using PrescreenBot.Channels.DirectLine.Tokens;
using PrescreenBot.Channels.DirectLine.Wire;

namespace PrescreenBot.Channels.DirectLine;

/// <summary>A caller admitted to one existing conversation.</summary>
internal sealed record ConversationAccess(DirectLineCaller? Caller, DirectLineConversation? Conversation, IResult? Failure, bool StoreUnavailable = false);

/// <summary>The checks every conversation endpoint makes, in one place.</summary>
internal static class DirectLineRequests
{
    /// <summary>
    /// Credentials → scope → existence. Another user's or another conversation's id is answered like a missing one would be
    /// for a token (403 for the wrong conversation, 404 for a conversation that is not the token's user's).
    /// </summary>
    public static async Task<ConversationAccess> AdmitAsync(HttpContext context, string conversationId, IDirectLineConversationStore store, ILogger logger)
    {
        var authentication = await context.RequestServices.GetRequiredService<DirectLineAuthenticator>()
            .AuthenticateAsync(context).ConfigureAwait(false);
        if (authentication.Failure is not null)
        {
            return new ConversationAccess(null, null, authentication.Failure);
        }

        var caller = authentication.Caller!;
        if (!caller.MayAccess(conversationId))
        {
            return new ConversationAccess(caller, null, DirectLineResults.Forbidden());
        }

        DirectLineConversation? conversation;
        try
        {
            conversation = DirectLineIds.IsWellFormedConversationId(conversationId)
                ? await store.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false)
                : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DirectLineLog.StoreUnavailable(logger, ex, "find", conversationId);
            return new ConversationAccess(caller, null, DirectLineResults.Busy(), StoreUnavailable: true);
        }

        if (conversation is null || (caller.Token is { } token && token.UserId != conversation.UserId))
        {
            return new ConversationAccess(caller, null, DirectLineResults.ConversationNotFound());
        }

        return new ConversationAccess(caller, conversation, null);
    }

    /// <summary>Reads the body up to <paramref name="maxBytes"/>; null when it is larger (whatever Content-Length claims).</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(capacity: (int)Math.Min(request.ContentLength ?? 4096, maxBytes));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
