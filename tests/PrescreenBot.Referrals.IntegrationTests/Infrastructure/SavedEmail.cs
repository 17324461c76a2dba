using System.Text;

namespace PrescreenBot.Referrals.IntegrationTests.Infrastructure;

/// <summary>A message as the SMTP fixture saved it: headers as text, the single-part body decoded.</summary>
internal sealed record SavedEmail(string Headers, string Body)
{
    public static SavedEmail Parse(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var crlf and >= 0 ? (crlf, 4) : (raw.IndexOf("\n\n", StringComparison.Ordinal), 2);
        var headers = raw[..split.Item1];
        var body = raw[(split.Item1 + split.Item2)..];
        if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))));
        }

        return new SavedEmail(headers, body);
    }
}
