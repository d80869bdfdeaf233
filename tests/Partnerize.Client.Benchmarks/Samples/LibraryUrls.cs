using Partnerize.Client.Conversions;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Benchmarks.Samples;

/// <summary>An order's tracking URL the way a library user writes it: builder, validation, URL builder.</summary>
public static class LibraryUrls
{
    /// <summary>Builds and validates the order's conversion.</summary>
    /// <param name="order">The order.</param>
    /// <returns>The validated conversion.</returns>
    public static Conversion ToConversion(SampleOrder order)
    {
        var builder = new ConversionBuilder()
            .ConversionRef(order.OrderId)
            .ClickRef(order.ClickRef)
            .Currency(order.Currency)
            .Country(order.Country)
            .CustomerType(order.NewCustomer ? CustomerType.New : CustomerType.Existing)
            .Voucher(order.Voucher)
            .CustomerRef(order.CustomerId)
            .FulfilmentDate(order.FulfilledOn);
        foreach (var line in order.Lines)
        {
            builder.AddItem(line.Category, line.Quantity, line.UnitPrice, line.Sku);
        }

        foreach (var (key, value) in order.Custom)
        {
            builder.Custom(key, value);
        }

        return builder.Build();
    }

    /// <summary>Builds, validates and writes the order's tracking URL.</summary>
    /// <param name="urls">The URL builder of the campaign.</param>
    /// <param name="order">The order.</param>
    /// <returns>The URL.</returns>
    public static string Url(TrackingUrlBuilder urls, SampleOrder order) => urls.Build(ToConversion(order));
}
