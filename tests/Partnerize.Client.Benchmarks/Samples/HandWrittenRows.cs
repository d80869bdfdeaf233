using System.Data;
using System.Globalization;

namespace Partnerize.Client.Benchmarks.Samples;

/// <summary>
/// The baseline for the mapping benchmarks: a row's tracking URL written by hand, reading the columns a user knows,
/// with <see cref="Uri.EscapeDataString(string)"/>, LINQ and <see cref="string.Join(string, IEnumerable{string})"/>.
/// Like <see cref="HandWrittenUrls"/>, it checks nothing.
/// </summary>
public sealed class HandWrittenRows
{
    private static readonly string[] CustomColumns = ["sales_channel", "store_id"];

    private readonly string _prefix;

    /// <summary>Computes the fixed start of every URL once.</summary>
    /// <param name="trackingBaseAddress">The tracking host.</param>
    /// <param name="campaignId">The campaign.</param>
    public HandWrittenRows(Uri trackingBaseAddress, string campaignId)
    {
        ArgumentNullException.ThrowIfNull(trackingBaseAddress);
        _prefix = trackingBaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/')
            + "/conversion/tracking_mode:api/campaign:" + Uri.EscapeDataString(campaignId) + "/";
    }

    /// <summary>The URL of a row held as a dictionary.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The URL.</returns>
    public string Url(IReadOnlyDictionary<string, object?> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string Text(string column) => Convert.ToString(row[column], CultureInfo.InvariantCulture) ?? string.Empty;

        var basket = new List<string>
        {
            "conversionref:" + Uri.EscapeDataString(Text("order_id")),
            "clickref:" + Uri.EscapeDataString(Text("click_ref")),
            "currency:" + Text("currency").ToUpperInvariant(),
            "country:" + Text("country").ToUpperInvariant(),
            "customertype:" + Text("customer_type").ToLowerInvariant(),
            "voucher:" + Uri.EscapeDataString(Text("voucher")),
            "custref:" + Uri.EscapeDataString(Text("customer_id")),
            "fulfilment_date:" + ((DateTime)row["fulfilled_on"]!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        basket.AddRange(CustomColumns.Select(column => column + ":" + Uri.EscapeDataString(Text(column))));

        var item = "[" + string.Join("/",
            "category:" + Uri.EscapeDataString(Text("category")),
            "sku:" + Uri.EscapeDataString(Text("sku")),
            "value:" + Text("unit_price"),
            "quantity:" + Text("qty")) + "]";
        return _prefix + string.Join("/", basket) + "/" + item;
    }

    /// <summary>The URLs of every row of a reader, with the column ordinals looked up once.</summary>
    /// <param name="reader">The reader, before its first row.</param>
    /// <returns>The URLs, as the rows are read.</returns>
    public IEnumerable<string> Urls(IDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var orderId = reader.GetOrdinal("order_id");
        var clickRef = reader.GetOrdinal("click_ref");
        var currency = reader.GetOrdinal("currency");
        var country = reader.GetOrdinal("country");
        var customerType = reader.GetOrdinal("customer_type");
        var voucher = reader.GetOrdinal("voucher");
        var customerId = reader.GetOrdinal("customer_id");
        var fulfilledOn = reader.GetOrdinal("fulfilled_on");
        var category = reader.GetOrdinal("category");
        var quantity = reader.GetOrdinal("qty");
        var unitPrice = reader.GetOrdinal("unit_price");
        var sku = reader.GetOrdinal("sku");
        var custom = CustomColumns.Select(column => (Name: column, Ordinal: reader.GetOrdinal(column))).ToArray();

        while (reader.Read())
        {
            var basket = new List<string>
            {
                "conversionref:" + Uri.EscapeDataString(reader.GetString(orderId)),
                "clickref:" + Uri.EscapeDataString(reader.GetString(clickRef)),
                "currency:" + reader.GetString(currency).ToUpperInvariant(),
                "country:" + reader.GetString(country).ToUpperInvariant(),
                "customertype:" + reader.GetString(customerType).ToLowerInvariant(),
                "voucher:" + Uri.EscapeDataString(reader.GetString(voucher)),
                "custref:" + reader.GetInt64(customerId).ToString(CultureInfo.InvariantCulture),
                "fulfilment_date:" + reader.GetDateTime(fulfilledOn).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            basket.AddRange(custom.Select(column => column.Name + ":" + Uri.EscapeDataString(reader.GetString(column.Ordinal))));

            var item = "[" + string.Join("/",
                "category:" + Uri.EscapeDataString(reader.GetString(category)),
                "sku:" + Uri.EscapeDataString(reader.GetString(sku)),
                "value:" + reader.GetDecimal(unitPrice).ToString(CultureInfo.InvariantCulture),
                "quantity:" + reader.GetInt32(quantity).ToString(CultureInfo.InvariantCulture)) + "]";
            yield return _prefix + string.Join("/", basket) + "/" + item;
        }
    }
}
