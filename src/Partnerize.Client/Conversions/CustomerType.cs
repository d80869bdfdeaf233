namespace Partnerize.Client.Conversions;

/// <summary>Whether the customer is new to the brand or an existing customer (<c>customertype</c>).</summary>
public enum CustomerType
{
    /// <summary>A first-time customer; sent as <c>new</c>.</summary>
    New = 1,

    /// <summary>A returning customer; sent as <c>existing</c>.</summary>
    Existing = 2,
}
