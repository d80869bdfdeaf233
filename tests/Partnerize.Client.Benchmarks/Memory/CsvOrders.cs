using System.Globalization;
using CsvHelper;

namespace Partnerize.Client.Benchmarks.Memory;

/// <summary>
/// Writes the CSV of the memory run: one order per row with the columns of <see cref="Samples.SampleRows"/>, a distinct
/// order ID per row, and now and then values that need escaping or are not ASCII. Written as it goes, never held.
/// </summary>
public static class CsvOrders
{
    /// <summary>Writes <paramref name="rows"/> rows to <paramref name="path"/>.</summary>
    /// <param name="path">The file to create.</param>
    /// <param name="rows">How many rows.</param>
    public static void Write(string path, int rows)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in new[]
        {
            "order_id", "click_ref", "currency", "country", "customer_type", "voucher", "customer_id", "fulfilled_on",
            "category", "qty", "unit_price", "sku", "sales_channel", "store_id",
        })
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        var categories = new[] { "shoes", "socks", "Größe 38 / Damen", "bags & belts", "靴" };
        for (var i = 0; i < rows; i++)
        {
            csv.WriteField("ORD-" + i.ToString("D8", CultureInfo.InvariantCulture));
            csv.WriteField("clk" + (i * 7919 % 1_000_003).ToString("x", CultureInfo.InvariantCulture));
            csv.WriteField(i % 3 == 0 ? "eur" : "GBP");
            csv.WriteField(i % 3 == 0 ? "de" : "GB");
            csv.WriteField(i % 4 == 0 ? "existing" : "new");
            csv.WriteField(i % 10 == 0 ? "X/10%:off" : string.Empty);
            csv.WriteField((88_912 + i).ToString(CultureInfo.InvariantCulture));
            csv.WriteField(new DateOnly(2024, 1, 1).AddDays(i % 366).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(categories[i % categories.Length]);
            csv.WriteField(((i % 3) + 1).ToString(CultureInfo.InvariantCulture));
            csv.WriteField((9.99m + (i % 500)).ToString(CultureInfo.InvariantCulture));
            csv.WriteField("SKU-" + (i % 5000).ToString("D5", CultureInfo.InvariantCulture));
            csv.WriteField(i % 2 == 0 ? "web" : "app");
            csv.WriteField("LDN-" + (i % 40).ToString("D2", CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
    }
}
