using Microsoft.Extensions.Options;

namespace PrescreenBot.Channels.BotConnector.Authentication;

/// <summary>Refuses to start with an identity Azure would reject anyway, naming the missing key.</summary>
public sealed class BotAuthenticationOptionsValidator : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsAuthenticationEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        switch (options.MicrosoftAppType)
        {
            case MicrosoftAppType.MultiTenant when string.IsNullOrEmpty(options.MicrosoftAppPassword):
                failures.Add("MicrosoftAppType MultiTenant needs MicrosoftAppPassword.");
                break;
            case MicrosoftAppType.SingleTenant:
                if (string.IsNullOrEmpty(options.MicrosoftAppPassword))
                {
                    failures.Add("MicrosoftAppType SingleTenant needs MicrosoftAppPassword.");
                }

                if (string.IsNullOrEmpty(options.MicrosoftAppTenantId))
                {
                    failures.Add("MicrosoftAppType SingleTenant needs MicrosoftAppTenantId.");
                }

                break;
            case MicrosoftAppType.UserAssignedMSI:
                if (string.IsNullOrEmpty(options.MicrosoftAppTenantId))
                {
                    failures.Add("MicrosoftAppType UserAssignedMSI needs MicrosoftAppTenantId.");
                }

                if (!string.IsNullOrEmpty(options.MicrosoftAppPassword))
                {
                    failures.Add("MicrosoftAppType UserAssignedMSI takes no MicrosoftAppPassword (the managed identity has none).");
                }

                break;
        }

        foreach (var (key, url) in new[]
        {
            (nameof(options.ToBotFromChannelOpenIdMetadataUrl), options.ToBotFromChannelOpenIdMetadataUrl),
            (nameof(options.ToBotFromEmulatorOpenIdMetadataUrl), options.ToBotFromEmulatorOpenIdMetadataUrl),
            ("ToChannelFromBotLoginUrl", options.LoginAuthority),
        })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                failures.Add($"{key} must be an absolute URL.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
