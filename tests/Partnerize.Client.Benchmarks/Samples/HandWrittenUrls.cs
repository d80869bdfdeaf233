using System.Globalization;

namespace Partnerize.Client.Benchmarks.Samples;

/// <summary>
/// The baseline: an order's tracking URL as a user writes it without the library, with string concatenation,
/// <see cref="Uri.EscapeDataString(string)"/>, LINQ and <see cref="string.Join(string, IEnumerable{string})"/>. It
/// produces the same URL as the library for the benchmark samples but validates nothing (no trimming, no checks of
/// codes, quantities or custom keys), which favours it.
/// </summary>
public sealed class HandWrittenUrls
{
    private readonly string _prefix;

    /// <summary>Computes the fixed start of every URL once, as a user would.</summary>
    /// <param name="trackingBaseAddress">The tracking host.</param>
    /// <param name="campaignId">The campaign.</param>
    public HandWrittenUrls(Uri trackingBaseAddress, string campaignId)
    {
        ArgumentNullException.ThrowIfNull(trackingBaseAddress);
        _prefix = trackingBaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/')
            + "/conversion/tracking_mode:api/campaign:" + Uri.EscapeDataString(campaignId) + "/";
    }

    /// <summary>The URL of an order.</summary>
    /// <param name="order">The order.</param>
    /// <returns>The URL.</returns>
    public string Url(SampleOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var basket = new List<string>
        {
            "conversionref:" + Uri.EscapeDataString(order.OrderId),
            "clickref:" + Uri.EscapeDataString(order.ClickRef),
            "currency:" + order.Currency.ToUpperInvariant(),
            "country:" + order.Country.ToUpperInvariant(),
            "customertype:" + (order.NewCustomer ? "new" : "existing"),
        };
        if (!string.IsNullOrWhiteSpace(order.Voucher))
        {
            basket.Add("voucher:" + Uri.EscapeDataString(order.Voucher));
        }

        basket.Add("custref:" + Uri.EscapeDataString(order.CustomerId));
        basket.Add("fulfilment_date:" + order.FulfilledOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        basket.AddRange(order.Custom.Select(pair => Uri.EscapeDataString(pair.Key) + ":" + Uri.EscapeDataString(pair.Value)));

        var items = string.Join(string.Empty, order.Lines.Select(line => "[" + string.Join("/",
            "category:" + Uri.EscapeDataString(line.Category),
            "sku:" + Uri.EscapeDataString(line.Sku),
            "value:" + line.UnitPrice.ToString(CultureInfo.InvariantCulture),
            "quantity:" + line.Quantity.ToString(CultureInfo.InvariantCulture)) + "]"));

        return _prefix + string.Join("/", basket) + "/" + items;
    }
}
