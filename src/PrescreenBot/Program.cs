using PrescreenBot.Channels.BotConnector;
using PrescreenBot.Channels.DirectLine;
using PrescreenBot.Channels.WebChat;
using PrescreenBot.Prescreen;
using PrescreenBot.Health;
using PrescreenBot.Hosting;
using PrescreenBot.Limits;
using PrescreenBot.Portal;
using PrescreenBot.Referrals;
using PrescreenBot.State;
using PrescreenBot.Turns;

var builder = WebApplication.CreateBuilder(args);

// Settings from the repository root's appsettings.json; http://localhost:3978 unless --urls says otherwise
builder.AddRepositoryConfiguration();

// Limits every channel shares: 256 KB bodies, message length, per-conversation rate
builder.AddRequestLimits();

// Bot state in memory, or in Redis with Storage:Provider=Redis
builder.AddBotState();

// Referrals, transcripts and their delivery by email, webhook and Teams
builder.AddReferrals();

// The pre-screen conversation over the trial question sets in dialogs/*.yaml
builder.AddPrescreenConversation();

// One turn at a time per conversation, replies released after state is saved, ETag conflicts re-run
builder.AddTurnProcessing();

// Bot Connector channel (/api/messages) for Teams and the Emulator, with its token validation
builder.AddBotConnector();

// Direct Line 3.0 for Web Chat: tokens, conversations (in memory, or in Redis with Storage:Provider=Redis), WebSocket stream
builder.AddDirectLine();

// Coordinator portal: Azure AD sign-in (OpenID Connect + PKCE), each coordinator's own sites only
builder.AddPortal();

// /healthz: storage (Redis) health
builder.AddHealth();

var app = builder.Build();

// Liveness and storage health
app.MapHealth();

// Teams, Azure Bot Service channels and the Emulator
app.MapBotConnector();

// Web Chat's channel: Direct Line 3.0 at /v3/directline
app.MapDirectLine();

// The Web Chat page at / with its server-side token endpoint
app.MapWebChat();

// Coordinator portal at /referrals: referrals, their transcripts and delivery retries
app.MapPortal();

app.Run();

/// <summary>The host's entry point; public so integration tests can start it with WebApplicationFactory.</summary>
public partial class Program;
