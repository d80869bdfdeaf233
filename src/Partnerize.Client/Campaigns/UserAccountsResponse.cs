using System.Text.Json;

namespace Partnerize.Client.Campaigns;

/// <summary>The answer to <c>GET /user/account</c>: the accounts the keys' user belongs to.</summary>
/// <remarks>
/// The shape of an account differs between account types and is not documented field by field, so each one is kept as
/// raw JSON; the library only uses the answer to confirm that the keys are accepted.
/// </remarks>
public sealed record UserAccountsResponse
{
    /// <summary>The user's accounts, as Partnerize sent them.</summary>
    public IReadOnlyList<JsonElement> UserAccounts { get; init => field = value ?? []; } = [];
}
