using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Partnerize.Client.Conversions;
using static Partnerize.Client.Tests.Mapping.MappingTestData;

namespace Partnerize.Client.Tests.Mapping;

/// <summary>
/// A real SQLite database file with an <c>orders</c> table of generated rows, some of them bad, streamed through a
/// data reader, the issue's mapping and validation: every bad row is rejected with the right message and identity,
/// every good row yields its expected URL.
/// </summary>
public class SqliteOrdersMappingTests
{
    private const int RowCount = 300;

    private DirectoryInfo _folder = null!;
    private string _connectionString = null!;
    private List<Order> _orders = null!;

    public enum Defect
    {
        None,
        MissingOrderId,
        BadQuantity,
        MalformedItemsJson,
        BadCurrency,
        EmptyClickRef,
        BlobVoucher,
        ItemWithoutQuantity,
        NoItems,
    }

    [OneTimeSetUp]
    public void CreateDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("partnerize-orders-");

        // No pooling: the file must be closed for the folder to be deleted afterwards.
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder.FullName, "orders.db"), Pooling = false }.ToString();
        _orders = Enumerable.Range(1, RowCount).Select(Order.Generate).ToList();

        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE orders (
                    id INTEGER PRIMARY KEY, order_id TEXT, click_ref TEXT, category TEXT, qty INTEGER, unit_price REAL,
                    sku TEXT, line_items TEXT, currency TEXT, country TEXT, customer_type TEXT, voucher_code TEXT,
                    customer_id INTEGER, fulfilled_on TEXT, ordered_at TEXT, check_in TEXT)
                """;
            create.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO orders VALUES ($id, $order_id, $click_ref, $category, $qty, $unit_price, $sku, $line_items,
                $currency, $country, $customer_type, $voucher_code, $customer_id, $fulfilled_on, $ordered_at, $check_in)
            """;
        foreach (var order in _orders)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$id", order.Number);
            insert.Parameters.AddWithValue("$order_id", order.OrderId ?? (object)DBNull.Value);
            insert.Parameters.AddWithValue("$click_ref", order.ClickRef);
            insert.Parameters.AddWithValue("$category", order.Category ?? (object)DBNull.Value);
            insert.Parameters.AddWithValue("$qty", order.Quantity ?? DBNull.Value);
            insert.Parameters.AddWithValue("$unit_price", order.UnitPrice ?? (object)DBNull.Value);
            insert.Parameters.AddWithValue("$sku", order.Sku ?? (object)DBNull.Value);
            insert.Parameters.AddWithValue("$line_items", order.LineItems ?? (object)DBNull.Value);
            insert.Parameters.AddWithValue("$currency", order.Currency);
            insert.Parameters.AddWithValue("$country", order.Country ?? (object)DBNull.Value);
            insert.Parameters.AddWithValue("$customer_type", order.CustomerType ?? (object)DBNull.Value);
            insert.Parameters.AddWithValue("$voucher_code", order.Voucher ?? DBNull.Value);
            insert.Parameters.AddWithValue("$customer_id", order.CustomerId ?? (object)DBNull.Value);
            insert.Parameters.AddWithValue("$fulfilled_on", order.FulfilledOn ?? (object)DBNull.Value);
            insert.Parameters.AddWithValue("$ordered_at", order.OrderedAt ?? (object)DBNull.Value);
            insert.Parameters.AddWithValue("$check_in", order.CheckIn ?? (object)DBNull.Value);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    [OneTimeTearDown]
    public void DeleteDatabase() => _folder.Delete(recursive: true);

    [Test]
    public void GeneratedOrders_CoverEveryDefectAndBothItemForms()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_orders.Count(o => o.Defect == Defect.None), Is.GreaterThan(250));
            foreach (var defect in Enum.GetValues<Defect>())
            {
                Assert.That(_orders.Count(o => o.Defect == defect), Is.GreaterThanOrEqualTo(3), defect.ToString());
            }
        });
    }

    [Test]
    public async Task MapAsync_OrdersTable_RejectsEveryBadRowAndYieldsEveryGoodUrl()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM orders ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();

        var outcomes = new List<(ConversionDraft Draft, ConversionValidationResult Result)>();
        await foreach (var draft in IssueMapping.MapAsync(reader))
        {
            outcomes.Add((draft, ConversionValidator.Default.Validate(draft)));
        }

        AssertEveryRow(outcomes);
    }

    [Test]
    public void Map_OrdersTableThroughTheSynchronousReader_GivesTheSameOutcomes()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM orders ORDER BY id";
        using DbDataReader reader = command.ExecuteReader();

        AssertEveryRow(IssueMapping.Map(reader).Select(d => (d, ConversionValidator.Default.Validate(d))).ToList());
    }

    private void AssertEveryRow(List<(ConversionDraft Draft, ConversionValidationResult Result)> outcomes)
    {
        Assert.That(outcomes, Has.Count.EqualTo(RowCount));
        var mismatches = new List<string>();
        for (var row = 0; row < outcomes.Count; row++)
        {
            var order = _orders[row];
            var (draft, result) = outcomes[row];
            if (draft.ConversionRef != order.OrderId)
            {
                mismatches.Add($"row {row + 1}: order id {draft.ConversionRef}, expected {order.OrderId}");
            }

            if (order.Defect == Defect.None)
            {
                var url = result.IsValid ? UrlBuilder.Build(result.Conversion) : "rejected: " + string.Join(" | ", result.Rejections);
                if (url != order.ExpectedUrl())
                {
                    mismatches.Add($"row {row + 1} ({order.OrderId}): {url}\n    expected {order.ExpectedUrl()}");
                }
            }
            else if (result.IsValid || result.Rejections.Count != 1 || result.Rejections[0] != order.ExpectedRejection())
            {
                mismatches.Add($"row {row + 1} ({order.OrderId}, {order.Defect}): {(result.IsValid ? "accepted" : string.Join(" | ", result.Rejections))}\n    expected {order.ExpectedRejection()}");
            }
        }

        Assert.That(mismatches, Is.Empty);
    }

    /// <summary>One generated order row and what mapping and validation must make of it.</summary>
    private sealed record Order(
        int Number, Defect Defect, string? OrderId, string ClickRef, string? Category, object? Quantity, double? UnitPrice,
        string? Sku, string? LineItems, string Currency, string? Country, string? CustomerType, object? Voucher,
        long? CustomerId, string? FulfilledOn, string? OrderedAt, string? CheckIn)
    {
        private const string MalformedItems = """[{"cat": "shoes", "qty": 2""";

        public static Order Generate(int i)
        {
            var defect = i % 10 == 3 ? (Defect)(1 + ((i / 10) % 8)) : Defect.None;

            // Four item forms: single item, items array, both (array wins), empty array (single item used).
            var form = i % 4;
            var hasArray = form is 1 or 2;
            var hasSingle = form is 0 or 2 or 3;
            var itemCount = 1 + (i % 3);
            var lineItems = form switch
            {
                0 => null,
                3 => "[]",
                _ => "[" + string.Join(",", Enumerable.Range(0, itemCount).Select(j =>
                    string.Create(CultureInfo.InvariantCulture, $$"""{"cat":"c{{j}}","qty":{{j + 1}},"price":"{{j}}.50","sku":"S{{i}}-{{j}}"}"""))) + "]",
            };

            var order = new Order(
                Number: i,
                Defect: defect,
                OrderId: $"ORD-{i:D5}",
                ClickRef: $"ck{i}Xy",
                Category: hasSingle ? $"cat{i % 5}" : null,
                Quantity: hasSingle ? (long)(1 + (i % 3)) : null,
                UnitPrice: hasSingle && i % 2 == 0 ? 9.99 : null,
                Sku: hasSingle && i % 3 == 0 ? $"SKU-{i}" : null,
                LineItems: lineItems,
                Currency: i % 3 == 0 ? "gbp" : "EUR",
                Country: i % 4 == 0 ? "gb" : null,
                CustomerType: (i % 5) switch { 0 => "New", 1 => "existing", _ => null },
                Voucher: i % 7 == 0 ? $"SAVE/{i}" : null,
                CustomerId: i % 2 == 0 ? 1000 + i : null,
                FulfilledOn: i % 6 == 0 ? $"2024-06-{(i % 28) + 1:D2}" : null,
                OrderedAt: i % 9 == 0 ? "2024-05-01 13:45:00" : null,
                CheckIn: i % 10 == 1 ? "2024-07-01" : null);

            return defect switch
            {
                Defect.MissingOrderId => order with { OrderId = null },
                Defect.BadQuantity => order with { LineItems = null, Category = "cat", Quantity = "two" },
                Defect.MalformedItemsJson => order with { LineItems = MalformedItems },
                Defect.BadCurrency => order with { Currency = "EURO" },
                Defect.EmptyClickRef => order with { ClickRef = "" },
                Defect.BlobVoucher => order with { Voucher = new byte[] { 0xDE, 0xAD, 0xBE, 0xEF } },
                Defect.ItemWithoutQuantity => order with { LineItems = """[{"cat":"hats"}]""" },
                Defect.NoItems => order with { LineItems = null, Category = null, Quantity = null, UnitPrice = null, Sku = null },
                _ => order,
            };
        }

        public ConversionRejection ExpectedRejection() => Defect switch
        {
            Defect.MissingOrderId => new(RejectionCodes.ConversionRefMissing, "conversionRef",
                "A conversion reference (order ID) is required for every Partnerize conversion.", null, "order_id"),
            Defect.BadQuantity => new(RejectionCodes.ItemQuantityInvalid, "item.quantity",
                "Item quantity must be a whole number of 1 or more; got 'two'.", 0, "qty"),
            Defect.MalformedItemsJson => new(RejectionCodes.ValueUnreadable, "items",
                $"Column 'line_items' holds '{MalformedItems}', which is not valid JSON (line 1, position 27): expected a JSON array of item objects.",
                null, "line_items"),
            Defect.BadCurrency => new(RejectionCodes.CurrencyInvalid, "currency",
                "Currency must be a three-letter ISO 4217 code such as USD; got 'EURO'.", null, "currency"),
            Defect.EmptyClickRef => new(RejectionCodes.ClickRefMissing, "clickRef",
                "A click reference is required to attribute a Partnerize conversion.", null, "click_ref"),
            Defect.BlobVoucher => new(RejectionCodes.ValueUnreadable, "voucher",
                "Column 'voucher_code' holds a Byte[] of 4 bytes, which cannot be read as voucher: expected text or a number.", null, "voucher_code"),
            Defect.ItemWithoutQuantity => new(RejectionCodes.ItemFieldMissing, "items[0].quantity",
                "Conversion item is missing required field(s): quantity", 0, "line_items"),
            Defect.NoItems => new(RejectionCodes.ItemsMissing, "items",
                "Each conversion must include at least one item with a category and quantity.", null, "line_items"),
            _ => throw new InvalidOperationException("A good row has no rejection."),
        };

        /// <summary>The URL written out by hand from the generated values, not through the library's own model.</summary>
        public string ExpectedUrl()
        {
            var url = UrlPrefix + "/conversionref:" + OrderId + "/clickref:" + ClickRef + "/currency:" + Currency.ToUpperInvariant();
            url += Country is null ? "" : "/country:" + Country.ToUpperInvariant();
            url += CustomerType is null ? "" : "/customertype:" + CustomerType.ToLowerInvariant();
            url += Voucher is string voucher ? "/voucher:" + voucher.Replace("/", "%2F", StringComparison.Ordinal) : "";
            url += CustomerId is null ? "" : "/custref:" + CustomerId.Value.ToString(CultureInfo.InvariantCulture);
            url += FulfilledOn is null ? "" : "/fulfilment_date:" + FulfilledOn;
            url += OrderedAt is null ? "" : "/conversion_time:2024-05-01%2013%3A45%3A00";
            url += CheckIn is null ? "" : "/check_in_date:" + CheckIn;
            url += "/";

            if (LineItems is { Length: > 2 })
            {
                var count = 1 + (Number % 3);
                for (var j = 0; j < count; j++)
                {
                    url += string.Create(CultureInfo.InvariantCulture, $"[category:c{j}/sku:S{Number}-{j}/value:{j}.50/quantity:{j + 1}]");
                }

                return url;
            }

            url += "[category:" + Category + (Sku is null ? "" : "/sku:" + Sku) + (UnitPrice is null ? "" : "/value:9.99") + "/quantity:" + Quantity + "]";
            return url;
        }
    }
}
