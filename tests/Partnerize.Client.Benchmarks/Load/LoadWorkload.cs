using System.Globalization;
using Partnerize.Client.Benchmarks.Samples;
using Partnerize.Client.Conversions;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Benchmarks.Load;

/// <summary>
/// The rows of a load run: drafts shaped like the typical conversion (3 items, 6 basket fields, 2 custom parameters),
/// with text values as field mapping produces them and a distinct order ID per row; and, for the plain loop, their
/// URLs built in advance.
/// </summary>
public static class LoadWorkload
{
    /// <summary>Creates <paramref name="count"/> drafts.</summary>
    /// <param name="count">How many.</param>
    /// <returns>The drafts, in memory before the run starts.</returns>
    public static IReadOnlyList<ConversionDraft> Drafts(int count)
    {
        var typical = SampleOrders.Typical();
        var drafts = new ConversionDraft[count];
        for (var i = 0; i < count; i++)
        {
            drafts[i] = new ConversionDraft
            {
                ConversionRef = "LOAD-" + i.ToString("D8", CultureInfo.InvariantCulture),
                ClickRef = typical.ClickRef,
                Currency = typical.Currency,
                Country = typical.Country,
                CustomerType = "new",
                Voucher = typical.Voucher,
                CustomerRef = typical.CustomerId,
                FulfilmentDate = typical.FulfilledOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Items = typical.Lines.Select(line => new ConversionItemDraft
                {
                    Category = line.Category,
                    Sku = line.Sku,
                    Value = line.UnitPrice.ToString(CultureInfo.InvariantCulture),
                    Quantity = line.Quantity.ToString(CultureInfo.InvariantCulture),
                }).ToArray(),
                CustomParameters = typical.Custom.Select(pair => new CustomParameter(pair.Key, pair.Value)).ToArray(),
            };
        }

        return drafts;
    }

    /// <summary>The URLs of the drafts, built before the plain loop's run starts.</summary>
    /// <param name="drafts">The drafts.</param>
    /// <param name="trackingBaseAddress">The sink.</param>
    /// <returns>The URLs, in order.</returns>
    public static IReadOnlyList<string> Urls(IReadOnlyList<ConversionDraft> drafts, Uri trackingBaseAddress)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var urls = new TrackingUrlBuilder(trackingBaseAddress, SampleOrders.CampaignId);
        return drafts.Select(draft => urls.Build(ConversionBuilder.From(draft).Build())).ToArray();
    }
}
