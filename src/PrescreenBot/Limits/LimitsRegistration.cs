namespace PrescreenBot.Limits;

/// <summary>Wires the shared request limits: body cap, message length and the per-conversation rate limit.</summary>
public static class LimitsRegistration
{
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<RequestLimitsOptions>(builder.Configuration.GetSection(RequestLimitsOptions.SectionName));
        builder.Services.AddSingleton<RequestBodyReader>();
        builder.Services.AddSingleton<ConversationRateLimiter>();
        return builder;
    }

    /// <summary>
    /// Applies the per-conversation rate limit to endpoints whose conversation is known from the request itself (e.g. a
    /// route value); requests for which <paramref name="conversationKey"/> returns null pass.
    /// </summary>
    public static TBuilder WithConversationRateLimit<TBuilder>(this TBuilder builder, Func<HttpContext, string?> conversationKey)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        return builder.AddEndpointFilter(async (invocation, next) =>
        {
            var httpContext = invocation.HttpContext;
            if (conversationKey(httpContext) is { } key
                && !httpContext.RequestServices.GetRequiredService<ConversationRateLimiter>().TryAcquire(key, out var retryAfter))
            {
                return ConversationRateLimiter.TooManyRequests(httpContext, retryAfter);
            }

            return await next(invocation).ConfigureAwait(false);
        });
    }
}
