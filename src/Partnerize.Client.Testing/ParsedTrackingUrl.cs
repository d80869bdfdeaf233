using Partnerize.Client.Conversions;

namespace Partnerize.Client.Testing;

/// <summary>
/// A tracking URL taken apart by <see cref="TrackingUrlParser"/>: the campaign, the basket parameters and one
/// parameter list per item, every key and value decoded, in the order they appeared.
/// </summary>
public sealed record ParsedTrackingUrl
{
    /// <summary>Creates a parsed URL.</summary>
    /// <param name="campaignId">The decoded campaign ID.</param>
    /// <param name="parameters">The basket parameters after the campaign, in order.</param>
    /// <param name="items">Each item's parameters, in order.</param>
    public ParsedTrackingUrl(string campaignId, IReadOnlyList<KeyValuePair<string, string>> parameters, IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> items)
    {
        CampaignId = campaignId;
        Parameters = parameters;
        Items = items;
    }

    /// <summary>The campaign ID.</summary>
    public string CampaignId { get; }

    /// <summary>The basket parameters (standard and custom) after the campaign, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>Each item's parameters (standard and custom), in order.</summary>
    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Items { get; }

    /// <summary>The conversion reference.</summary>
    public string ConversionRef => Get(ParameterNames.ConversionRef)!;

    /// <summary>The click reference.</summary>
    public string ClickRef => Get(ParameterNames.ClickRef)!;

    /// <summary>The value of a basket parameter, or <see langword="null"/> when absent.</summary>
    /// <param name="key">The parameter name.</param>
    /// <returns>The decoded value.</returns>
    public string? Get(string key) => Find(Parameters, key);

    /// <summary>
    /// Turns the parameters back into a draft: standard names into their fields, other names into custom parameters.
    /// Validate it (<see cref="ConversionValidator.Default"/>) to get the <see cref="Conversion"/> that was sent.
    /// </summary>
    /// <returns>The draft.</returns>
    public ConversionDraft ToDraft()
    {
        var items = new ConversionItemDraft[Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var parameters = Items[i];
            items[i] = new ConversionItemDraft
            {
                Category = Find(parameters, ParameterNames.Category),
                Sku = Find(parameters, ParameterNames.Sku),
                Value = Find(parameters, ParameterNames.Value),
                Quantity = Find(parameters, ParameterNames.Quantity),
                CustomParameters = Custom(parameters),
            };
        }

        return new ConversionDraft
        {
            ConversionRef = Get(ParameterNames.ConversionRef),
            ClickRef = Get(ParameterNames.ClickRef),
            Items = items,
            Currency = Get(ParameterNames.Currency),
            Country = Get(ParameterNames.Country),
            CustomerType = Get(ParameterNames.CustomerType),
            Voucher = Get(ParameterNames.Voucher),
            CustomerRef = Get(ParameterNames.CustomerRef),
            FulfilmentDate = Get(ParameterNames.FulfilmentDate),
            ConversionTime = Get(ParameterNames.ConversionTime),
            CustomParameters = Custom(Parameters),
        };
    }

    private static string? Find(IReadOnlyList<KeyValuePair<string, string>> parameters, string key)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Key == key)
            {
                return parameter.Value;
            }
        }

        return null;
    }

    private static CustomParameter[] Custom(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var custom = new List<CustomParameter>();
        foreach (var parameter in parameters)
        {
            if (!ParameterNames.IsStandard(parameter.Key))
            {
                custom.Add(new CustomParameter(parameter.Key, parameter.Value));
            }
        }

        return [.. custom];
    }
}
