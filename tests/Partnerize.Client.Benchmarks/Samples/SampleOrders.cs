namespace Partnerize.Client.Benchmarks.Samples;

/// <summary>The orders the micro-benchmarks convert: a typical one and a heavy one.</summary>
public static class SampleOrders
{
    /// <summary>The campaign every benchmark tracks against.</summary>
    public const string CampaignId = "10l176";

    /// <summary>The tracking host of the micro-benchmarks (no request is made to it).</summary>
    public static readonly Uri TrackingBaseAddress = new("https://prf.hn/");

    /// <summary>
    /// A typical conversion: 3 items, 6 basket fields (currency, country, customer type, voucher, customer reference,
    /// fulfilment date) and 2 custom parameters, with values that need no escaping, as most real orders have.
    /// </summary>
    public static SampleOrder Typical() => new(
        OrderId: "ORD-2024-000123",
        ClickRef: "1011l4pkbcDx9Q",
        Currency: "GBP",
        Country: "GB",
        NewCustomer: true,
        Voucher: "SUMMER10",
        CustomerId: "CUST-88912",
        FulfilledOn: new DateOnly(2024, 5, 3),
        Lines:
        [
            new SampleLine("shoes", "SKU-10001", 59.99m, 1),
            new SampleLine("socks", "SKU-20417", 4.50m, 3),
            new SampleLine("laces", "SKU-30002", 2.00m, 2),
        ],
        Custom:
        [
            new("sales_channel", "web"),
            new("store_id", "LDN-04"),
        ]);

    /// <summary>
    /// A heavy conversion: 50 items, and every text value full of characters that must be escaped (<c>/ : [ ] % ? # &amp; +</c>,
    /// spaces, quotes) and non-ASCII text (accents, CJK, an emoji outside the BMP).
    /// </summary>
    public static SampleOrder Heavy()
    {
        var lines = new SampleLine[50];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = new SampleLine(
                Category: $"Kleider & Röcke / Größe {36 + (i % 8)} [Sale] 靴",
                Sku: $"SKU/{i:D3}:äöü#?%+ é",
                UnitPrice: 19.99m + i,
                Quantity: (i % 3) + 1);
        }

        return new SampleOrder(
            OrderId: "Bestellung/2024#Ä-ö 000123",
            ClickRef: "clk:ÅÄÖ/[1]?x=y&z",
            Currency: "EUR",
            Country: "DE",
            NewCustomer: false,
            Voucher: "X/commission:999 ][category:free",
            CustomerId: "Kunde Müller & Söhne",
            FulfilledOn: new DateOnly(2024, 12, 31),
            Lines: lines,
            Custom:
            [
                new("store_name", "Grünwald / München [Süd]"),
                new("note", "50% off: \"ÉTÉ\" — 🎉 #1"),
            ]);
    }
}
