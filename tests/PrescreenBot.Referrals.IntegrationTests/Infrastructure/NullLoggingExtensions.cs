using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PrescreenBot.Referrals.IntegrationTests.Infrastructure;

internal static class NullLoggingExtensions
{
    /// <summary>Loggers that drop everything: the tests assert on state, not on log lines.</summary>
    public static IServiceCollection AddNullLogging(this IServiceCollection services)
    {
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        return services;
    }
}
