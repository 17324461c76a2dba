using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;
using PrescreenBot.Conversation;
using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Hosting;

namespace PrescreenBot.Prescreen;

/// <summary>
/// Wires the pre-screen conversation: the trial question sets of <c>dialogs/*.yaml</c> (or <c>Prescreen:DialogsPath</c>), read
/// once at start (a broken file stops the start, naming the file; a missing or empty folder is logged as an error and reported
/// degraded by <c>/healthz</c>), the <c>Prescreen</c> settings, and the bot (<see cref="PrescreenBotHandler"/>).
/// </summary>
public static class ConversationRegistration
{
    public static WebApplicationBuilder AddPrescreenConversation(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var layout = RepositoryLayout.Locate(builder.Environment.ContentRootPath, AppContext.BaseDirectory);
        var (sets, status) = DialogCatalogLoader.Load(DialogsPath.Resolve(builder.Configuration, layout));
        var catalog = new TrialCatalog(sets);
        var options = builder.Configuration.GetSection(PrescreenOptions.SectionName).Get<PrescreenOptions>() ?? new PrescreenOptions();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(status);
        builder.Services.AddHostedService<DialogCatalogStartupLog>();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IBot>(provider => new PrescreenBotHandler(
            provider.GetRequiredService<ConversationState>(),
            provider.GetRequiredService<UserState>(),
            catalog,
            provider.GetRequiredService<ISiteDirectory>(),
            provider.GetRequiredService<IReferralService>(),
            provider.GetRequiredService<TimeProvider>(),
            options,
            provider.GetRequiredService<ILogger<PrescreenBotHandler>>()));
        return builder;
    }
}
