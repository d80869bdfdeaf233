using System.CommandLine;

namespace Partnerize.Cli.Commands;

/// <summary>Options shared by the commands that talk to Partnerize.</summary>
internal static class CommonOptions
{
    public const string ApplicationKeyVariable = "PARTNERIZE_APPLICATION_KEY";
    public const string ApiKeyVariable = "PARTNERIZE_API_KEY";

    public static Option<string?> ApplicationKey() => new("--application-key")
    {
        Description = $"Your User Application Key (Partnerize: Settings > Account Settings > API). Default: ${ApplicationKeyVariable}.",
    };

    public static Option<string?> ApiKey() => new("--api-key")
    {
        Description = $"Your User API Key. Default: ${ApiKeyVariable}.",
    };

    public static Option<Uri?> ApiUrl() => AddressOption("--api-url", "Another management API address (default https://api.partnerize.com/).");

    /// <summary>An option holding an absolute http(s) address, refused at parse time otherwise.</summary>
    public static Option<Uri?> AddressOption(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp))
            {
                return address;
            }

            result.AddError($"{name} must be an absolute http(s) address such as https://brand.prf.hn/; got '{text}'.");
            return null;
        },
    };

    public static Option<bool> Sandbox() => new("--sandbox")
    {
        Description = "Run against a fake Partnerize started on 127.0.0.1 in this process: no account needed.",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write JSON for machines instead of a table.",
    };

    /// <summary>The keys from the options, else from the environment; never echoed anywhere.</summary>
    public static (string? ApplicationKey, string? ApiKey) ResolveKeys(ParseResult parseResult, Option<string?> applicationKey, Option<string?> apiKey, CliConsole console) =>
        (parseResult.GetValue(applicationKey) ?? NonEmpty(console.GetEnvironmentVariable(ApplicationKeyVariable)),
         parseResult.GetValue(apiKey) ?? NonEmpty(console.GetEnvironmentVariable(ApiKeyVariable)));

    public static void RequireKeys(string? applicationKey, string? apiKey)
    {
        if (string.IsNullOrWhiteSpace(applicationKey) || string.IsNullOrWhiteSpace(apiKey))
        {
            var missing = string.IsNullOrWhiteSpace(applicationKey) ? $"--application-key (or ${ApplicationKeyVariable})" : $"--api-key (or ${ApiKeyVariable})";
            throw new UsageException($"No key given: set {missing}. Find your User Application Key and User API Key in Partnerize under Settings > Account Settings > API.");
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
