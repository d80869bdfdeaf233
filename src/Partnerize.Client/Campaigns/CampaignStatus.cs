using System.Text.Json.Serialization;
using Partnerize.Client.Serialization.Internal;

namespace Partnerize.Client.Campaigns;

/// <summary>
/// A campaign's status as Partnerize reports it: a short code such as <c>a</c> (approved), <c>p</c> (pending) or
/// <c>r</c> (rejected). Extensible: a code this version does not know is kept as it is, never an error.
/// </summary>
[JsonConverter(typeof(CampaignStatusJsonConverter))]
public readonly struct CampaignStatus : IEquatable<CampaignStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its code.</summary>
    /// <param name="value">The code Partnerize uses, e.g. <c>a</c>. Surrounding white space is removed.</param>
    public CampaignStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value.Trim();
    }

    /// <summary>Approved (active): conversions can be tracked against the campaign. Code <c>a</c>.</summary>
    public static CampaignStatus Approved { get; } = new("a");

    /// <summary>Pending approval. Code <c>p</c>.</summary>
    public static CampaignStatus Pending { get; } = new("p");

    /// <summary>Rejected. Code <c>r</c>.</summary>
    public static CampaignStatus Rejected { get; } = new("r");

    /// <summary>The code as Partnerize sent it; empty when the campaign carried no status.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether the code is one this version of the library names (approved, pending, rejected).</summary>
    public bool IsKnown => Equals(Approved) || Equals(Pending) || Equals(Rejected);

    /// <summary>A word for people: <c>approved</c>, <c>pending</c>, <c>rejected</c>, the code itself when unknown, or <c>none</c>.</summary>
    public string DisplayName =>
        Equals(Approved) ? "approved"
        : Equals(Pending) ? "pending"
        : Equals(Rejected) ? "rejected"
        : Value.Length == 0 ? "none"
        : Value;

    /// <summary>Compares two statuses by code, ignoring case.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns>Whether the codes are equal.</returns>
    public static bool operator ==(CampaignStatus left, CampaignStatus right) => left.Equals(right);

    /// <summary>Compares two statuses by code, ignoring case.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns>Whether the codes differ.</returns>
    public static bool operator !=(CampaignStatus left, CampaignStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(CampaignStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CampaignStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The code as Partnerize sent it (see <see cref="DisplayName"/> for a word).</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Value;
}
