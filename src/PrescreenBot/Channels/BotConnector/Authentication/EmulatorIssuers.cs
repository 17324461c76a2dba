namespace PrescreenBot.Channels.BotConnector.Authentication;

/// <summary>
/// Issuers of the Azure AD tokens the Bot Framework Emulator presents (Bot Builder's <c>EmulatorValidation</c>): the v3.1
/// and v3.2 token tenants in v1 (<c>sts.windows.net</c>) and v2 (<c>login.microsoftonline.com/…/v2.0</c>) form, US
/// Government's, and — for single-tenant bots — the bot's own tenant.
/// </summary>
public static class EmulatorIssuers
{
    private const string TokenV31Tenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    private const string TokenV32Tenant = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
    private const string UsGovTenant = "cab8a31a-1906-4287-a0d8-4eef66b95f6e";

    private static readonly string[] Known =
    [
        $"https://sts.windows.net/{TokenV31Tenant}/",
        $"https://login.microsoftonline.com/{TokenV31Tenant}/v2.0",
        $"https://sts.windows.net/{TokenV32Tenant}/",
        $"https://login.microsoftonline.com/{TokenV32Tenant}/v2.0",
        $"https://sts.windows.net/{UsGovTenant}/",
        $"https://login.microsoftonline.us/{UsGovTenant}/v2.0",
    ];

    /// <summary>The issuers accepted from the Emulator, including <paramref name="tenantId"/>'s when one is configured.</summary>
    public static IReadOnlyList<string> For(string? tenantId) =>
        string.IsNullOrWhiteSpace(tenantId)
            ? Known
            : [.. Known, $"https://sts.windows.net/{tenantId}/", $"https://login.microsoftonline.com/{tenantId}/v2.0"];
}
