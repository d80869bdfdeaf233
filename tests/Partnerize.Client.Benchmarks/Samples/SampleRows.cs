using System.Data;
using System.Globalization;
using Partnerize.Client.Mapping;

namespace Partnerize.Client.Benchmarks.Samples;

/// <summary>
/// Warehouse rows for the mapping benchmarks: a single item, 6 basket fields and 2 custom parameters, with the column
/// types a database gives (text, a BIGINT customer ID, a DATE, an INT quantity, a DECIMAL price).
/// </summary>
public static class SampleRows
{
    /// <summary>The mapping from the sample columns to Partnerize fields.</summary>
    public static ConversionMapping Mapping() => ConversionMapping.CreateBuilder()
        .ConversionRef("order_id")
        .ClickRef("click_ref")
        .ItemCategory("category").ItemQuantity("qty").ItemValue("unit_price").ItemSku("sku")
        .Currency("currency")
        .Country("country")
        .CustomerType("customer_type")
        .Voucher("voucher")
        .CustomerRef("customer_id")
        .FulfilmentDate("fulfilled_on")
        .Custom("sales_channel", "sales_channel")
        .Custom("store_id", "store_id")
        .Build();

    /// <summary>Row <paramref name="index"/> as a dictionary, as a micro-ORM (or a hand-written reader) returns it.</summary>
    /// <param name="index">The row number; it makes the order ID and a few values vary.</param>
    /// <returns>The row.</returns>
    public static Dictionary<string, object?> Dictionary(int index) => new()
    {
        ["order_id"] = OrderId(index),
        ["click_ref"] = "1011l4pkbcDx9Q",
        ["currency"] = "GBP",
        ["country"] = "GB",
        ["customer_type"] = index % 4 == 0 ? "existing" : "new",
        ["voucher"] = "SUMMER10",
        ["customer_id"] = 88912L + index,
        ["fulfilled_on"] = new DateTime(2024, 5, 3, 0, 0, 0, DateTimeKind.Unspecified),
        ["category"] = "shoes",
        ["qty"] = (index % 3) + 1,
        ["unit_price"] = 59.99m,
        ["sku"] = "SKU-10001",
        ["sales_channel"] = "web",
        ["store_id"] = "LDN-04",
    };

    /// <summary>A table of <paramref name="count"/> rows with typed columns, read through its <see cref="DataTableReader"/> (a DbDataReader).</summary>
    /// <param name="count">How many rows.</param>
    /// <returns>The table.</returns>
    public static DataTable Table(int count)
    {
        var table = new DataTable("orders") { Locale = CultureInfo.InvariantCulture };
        table.Columns.Add("order_id", typeof(string));
        table.Columns.Add("click_ref", typeof(string));
        table.Columns.Add("currency", typeof(string));
        table.Columns.Add("country", typeof(string));
        table.Columns.Add("customer_type", typeof(string));
        table.Columns.Add("voucher", typeof(string));
        table.Columns.Add("customer_id", typeof(long));
        table.Columns.Add("fulfilled_on", typeof(DateTime));
        table.Columns.Add("category", typeof(string));
        table.Columns.Add("qty", typeof(int));
        table.Columns.Add("unit_price", typeof(decimal));
        table.Columns.Add("sku", typeof(string));
        table.Columns.Add("sales_channel", typeof(string));
        table.Columns.Add("store_id", typeof(string));
        for (var i = 0; i < count; i++)
        {
            var row = table.NewRow();
            foreach (var (column, value) in Dictionary(i))
            {
                row[column] = value ?? DBNull.Value;
            }

            table.Rows.Add(row);
        }

        return table;
    }

    private static string OrderId(int index) => "ORD-2024-" + index.ToString("D6", CultureInfo.InvariantCulture);
}
