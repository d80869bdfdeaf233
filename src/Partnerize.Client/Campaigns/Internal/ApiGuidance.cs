namespace Partnerize.Client.Campaigns.Internal;

/// <summary>
/// The advice users get when the management API refuses them. The first two sentences are the product brief's, word for
/// word, so the library, the CLI and docs/errors.md say the same thing.
/// </summary>
internal static class ApiGuidance
{
    public const string CheckKeys = "Verify your User Application Key and User API Key are correct and entered in the right fields.";

    public const string CheckAccess = "Confirm the user has access to the campaigns you want to track conversions against.";

    public const string WhereKeysLive =
        "They are read from Partnerize:ApplicationKey and Partnerize:ApiKey; Partnerize shows them under Settings > Account Settings > API.";

    public const string CheckBaseAddress = "Check that Partnerize:ApiBaseAddress points at the Partnerize API (default https://api.partnerize.com/).";
}
