using Partnerize.Client.Conversions;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Benchmarks.Samples;

/// <summary>
/// An order's tracking URL the way a library user writes it: builder, validation, URL builder; and the way a loop over
/// many orders writes it: one builder cleared for every order, validated and written in one go.
/// </summary>
public static class LibraryUrls
{
    /// <summary>Builds and validates the order's conversion.</summary>
    /// <param name="order">The order.</param>
    /// <returns>The validated conversion.</returns>
    public static Conversion ToConversion(SampleOrder order) => Fill(new ConversionBuilder(), order).Build();

    /// <summary>Builds, validates and writes the order's tracking URL.</summary>
    /// <param name="urls">The URL builder of the campaign.</param>
    /// <param name="order">The order.</param>
    /// <returns>The URL.</returns>
    public static string Url(TrackingUrlBuilder urls, SampleOrder order) => urls.Build(ToConversion(order));

    /// <summary>
    /// The order's tracking URL from a builder reused for every order of a loop: cleared, filled, then validated and
    /// written without the <see cref="Conversion"/> model.
    /// </summary>
    /// <param name="urls">The URL builder of the campaign.</param>
    /// <param name="builder">The loop's builder.</param>
    /// <param name="order">The order.</param>
    /// <returns>The URL.</returns>
    public static string LoopUrl(TrackingUrlBuilder urls, ConversionBuilder builder, SampleOrder order) =>
        urls.Build(Fill(builder.Clear(), order));

    private static ConversionBuilder Fill(ConversionBuilder builder, SampleOrder order)
    {
        builder
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

        return builder;
    }
}
