using System.Globalization;
using Microsoft.Extensions.Options;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.DependencyInjection.Internal;

/// <summary>
/// Validates <see cref="PartnerizeOptions"/> at start-up (<c>ValidateOnStart</c>) and whenever they change. Each failure
/// names the setting, the offending value (never a key) and the fix. The keys are optional here because tracking needs
/// none; <see cref="ApiKeyFailures"/> requires them where the management API is used.
/// </summary>
internal sealed class PartnerizeOptionsValidator : IValidateOptions<PartnerizeOptions>
{
    private const string Prefix = PartnerizeOptions.SectionName + ":";
    private const string WhereKeysLive = "Partnerize shows both keys under Settings > Account Settings > API.";

    // Polly's timeout and retry strategies accept nothing outside these bounds; failing here names the setting instead.
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestDuration = TimeSpan.FromDays(1);

    private const int MostRetryAttempts = 100;
    private const int ShortestUrlLength = 100;

    public ValidateOptionsResult Validate(string? name, PartnerizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ValidateKeys(options, failures);
        ValidateAddress(nameof(PartnerizeOptions.ApiBaseAddress), options.ApiBaseAddress, PartnerizeOptions.DefaultApiBaseAddress, failures);
        ValidateAddress(nameof(PartnerizeOptions.TrackingBaseAddress), options.TrackingBaseAddress, PartnerizeOptions.DefaultTrackingBaseAddress, failures);

        if (options.CampaignId is { } campaignId && string.IsNullOrWhiteSpace(campaignId))
        {
            failures.Add($"{Prefix}CampaignId is empty. Set it to a campaign ID such as 10l176 (ICampaignsClient.ListCampaignsAsync lists them), or remove the setting.");
        }

        ValidateTimeout(nameof(PartnerizeOptions.ApiTimeout), options.ApiTimeout, "one management API attempt", failures);
        ValidateTimeout(nameof(PartnerizeOptions.TrackingTimeout), options.TrackingTimeout, "one tracking request attempt", failures);

        if (options.MaxConcurrency < 1)
        {
            failures.Add($"{Prefix}MaxConcurrency is {Invariant(options.MaxConcurrency)}; it must be 1 or more. It is how many tracking requests may be in flight at once (default 16).");
        }

        if (options.MaxRetryAttempts is < 0 or > MostRetryAttempts)
        {
            failures.Add($"{Prefix}MaxRetryAttempts is {Invariant(options.MaxRetryAttempts)}; it must be between 0 (no retries) and {Invariant(MostRetryAttempts)}. It is how many times a transient failure is retried (default 3).");
        }

        var baseDelayValid = options.RetryBaseDelay >= TimeSpan.Zero && options.RetryBaseDelay <= LongestDuration;
        if (!baseDelayValid)
        {
            failures.Add($"{Prefix}RetryBaseDelay is {Invariant(options.RetryBaseDelay)}; it must be zero or more and at most 1 day. It is the first wait of the exponential back-off (zero retries at once), e.g. 00:00:01 (the default).");
        }

        if (options.MaxRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay > LongestDuration)
        {
            failures.Add($"{Prefix}MaxRetryDelay is {Invariant(options.MaxRetryDelay)}; it must be more than zero and at most 1 day. It caps every wait between attempts, e.g. 00:00:30 (the default).");
        }
        else if (baseDelayValid && options.MaxRetryDelay < options.RetryBaseDelay)
        {
            failures.Add($"{Prefix}MaxRetryDelay ({Invariant(options.MaxRetryDelay)}) is shorter than {Prefix}RetryBaseDelay ({Invariant(options.RetryBaseDelay)}); raise MaxRetryDelay or lower RetryBaseDelay so the longest wait is at least the first one.");
        }

        if (options.MaxUrlLength < ShortestUrlLength)
        {
            failures.Add($"{Prefix}MaxUrlLength is {Invariant(options.MaxUrlLength)}; it must be at least {Invariant(ShortestUrlLength)} characters (default {Invariant(TrackingUrlBuilder.DefaultMaxLength)}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>What is missing for the management API: both keys must be set.</summary>
    public static IReadOnlyList<string> ApiKeyFailures(PartnerizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>(2);
        if (string.IsNullOrWhiteSpace(options.ApplicationKey))
        {
            failures.Add($"{Prefix}ApplicationKey is not set. The management API (campaigns, connection test) needs it: set it to your User Application Key. {WhereKeysLive}");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{Prefix}ApiKey is not set. The management API (campaigns, connection test) needs it: set it to your User API Key. {WhereKeysLive}");
        }

        return failures;
    }

    private static void ValidateKeys(PartnerizeOptions options, List<string> failures)
    {
        var hasApplicationKey = !string.IsNullOrEmpty(options.ApplicationKey);
        var hasApiKey = !string.IsNullOrEmpty(options.ApiKey);
        if (hasApplicationKey != hasApiKey)
        {
            var (set, missing, what) = hasApplicationKey ? ("ApplicationKey", "ApiKey", "User API Key") : ("ApiKey", "ApplicationKey", "User Application Key");
            failures.Add($"{Prefix}{missing} is not set but {Prefix}{set} is: the management API needs both. Set {Prefix}{missing} to your {what}, or remove {Prefix}{set} if you only track conversions. {WhereKeysLive}");
        }

        // The values themselves are secrets: the messages describe the problem, never the key.
        ValidateKey("ApplicationKey", options.ApplicationKey, forbidColon: true, failures);
        ValidateKey("ApiKey", options.ApiKey, forbidColon: false, failures);
    }

    private static void ValidateKey(string setting, string? key, bool forbidColon, List<string> failures)
    {
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            failures.Add($"{Prefix}{setting} is only white space (value hidden). Paste the key itself. {WhereKeysLive}");
        }
        else if (key.Length != key.Trim().Length)
        {
            failures.Add($"{Prefix}{setting} starts or ends with white space (value hidden); a copied key often picks some up. Remove it.");
        }
        else if (key.Any(char.IsControl))
        {
            failures.Add($"{Prefix}{setting} contains a control character such as a line break (value hidden). Paste the key on one line.");
        }
        else if (forbidColon && key.Contains(':', StringComparison.Ordinal))
        {
            // HTTP Basic joins user name and password with ':', so a user name cannot contain one.
            failures.Add($"{Prefix}{setting} contains ':' (value hidden), which HTTP Basic authentication cannot carry in a user name. Check that the User Application Key and User API Key are not swapped or pasted together.");
        }
    }

    private static void ValidateAddress(string setting, Uri? address, Uri defaultAddress, List<string> failures)
    {
        if (address is null)
        {
            failures.Add($"{Prefix}{setting} is not set. Remove the setting to use the default {defaultAddress}, or set an absolute https:// address.");
            return;
        }

        if (!address.IsAbsoluteUri)
        {
            failures.Add($"{Prefix}{setting} is '{address.OriginalString}', which is not an absolute address. Use an absolute https:// address such as {defaultAddress}.");
            return;
        }

        if (!string.IsNullOrEmpty(address.UserInfo))
        {
            // The user-info part may hold credentials: the value is not repeated.
            failures.Add($"{Prefix}{setting} contains a user name or password (value hidden). Remove it: keys go in {Prefix}ApplicationKey and {Prefix}ApiKey only.");
            return;
        }

        var shown = address.ToString();
        if (address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback)
        {
            failures.Add($"{Prefix}{setting} is '{shown}', which is not HTTPS. Use https:// (http:// is accepted only for a loopback address such as http://127.0.0.1, for tests).");
        }
        else if (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)
        {
            failures.Add($"{Prefix}{setting} is '{shown}', which is not an https:// address. Use an address such as {defaultAddress}.");
        }

        if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            failures.Add($"{Prefix}{setting} is '{shown}', which has a query or fragment. Use the address alone, such as {defaultAddress}.");
        }
    }

    private static void ValidateTimeout(string setting, TimeSpan timeout, string what, List<string> failures)
    {
        if (timeout < ShortestTimeout || timeout > LongestDuration)
        {
            failures.Add($"{Prefix}{setting} is {Invariant(timeout)}; it must be at least 10 ms and at most 1 day. It is how long {what} may take, e.g. 00:00:30 (the default).");
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
