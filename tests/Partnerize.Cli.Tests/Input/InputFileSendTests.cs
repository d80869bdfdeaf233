using System.Text;
using System.Text.Json;

namespace Partnerize.Cli.Tests.Input;

/// <summary>
/// Files as people's systems export them, through <c>partnerize send</c>: CSV dialects and encodings, the header checked
/// against the mapping before any row, numbers with decimal commas, and files that are not what their extension says.
/// </summary>
public class InputFileSendTests
{
    private const string Campaign = "10l176";

    private const string Mapping = """
        {
          "conversionRef": "order_id",
          "clickRef": "click_ref",
          "item": { "category": "category", "quantity": "qty", "value": "price" },
          "voucher": "voucher"
        }
        """;

    private const string UrlPrefix = "https://prf.hn/conversion/tracking_mode:api/campaign:10l176";

    [TestCase(",", null)]
    [TestCase(";", null)]
    [TestCase("\t", null)]
    [TestCase("|", null)]
    [TestCase(";", ";")]
    [TestCase("\t", "tab")]
    [TestCase("|", "pipe")]
    public async Task Send_CsvDialect_ReadsQuotedDelimitersAndLineBreaks(string delimiter, string? option)
    {
        using var folder = new TempFolder();
        var d = delimiter;
        var input = folder.File("orders.csv", string.Join("\r\n",
            $"order_id{d}click_ref{d}category{d}qty{d}price{d}voucher",
            $"A-1{d}ck1{d}shoes{d}2{d}19.99{d}SPRING",
            $"\"A{d}2\"{d}ck2{d}\"wool\nhats\"{d}1{d}5{d}\"say \"\"hi\"\"\"",
            string.Empty));

        var run = await DryRunAsync(folder, input, option is null ? [] : ["--delimiter", option]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            Assert.That(Urls(run), Is.EqualTo(new[]
            {
                UrlPrefix + "/conversionref:A-1/clickref:ck1/voucher:SPRING/[category:shoes/value:19.99/quantity:2]",
                UrlPrefix + "/conversionref:A" + Uri.EscapeDataString(d) + "2/clickref:ck2/voucher:say%20%22hi%22/[category:wool%0Ahats/value:5/quantity:1]",
            }));
            Assert.That(run.Error, Does.Not.Contain("warning"));
        });
    }

    [TestCase("utf-8 with byte order mark")]
    [TestCase("utf-16 little-endian")]
    [TestCase("utf-16 big-endian")]
    public async Task Send_UnicodeFileWithByteOrderMark_IsReadWithoutOptions(string encodingName)
    {
        Encoding encoding = encodingName switch
        {
            "utf-16 little-endian" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16 big-endian" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        };
        using var folder = new TempFolder();
        var input = folder.File("orders.csv");
        await File.WriteAllTextAsync(input, "order_id;click_ref;category;qty\nA-1;ck1;Café crème;1\n", encoding);

        var run = await DryRunAsync(folder, input);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            Assert.That(Urls(run), Is.EqualTo(new[] { UrlPrefix + "/conversionref:A-1/clickref:ck1/[category:Caf%C3%A9%20cr%C3%A8me/quantity:1]" }));
        });
    }

    [Test]
    public async Task Send_Windows1252FileWithEncodingOption_ReadsAccentedText()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv");
        await File.WriteAllBytesAsync(input, [.. Encoding.ASCII.GetBytes("order_id,click_ref,category,qty\nA-1,ck1,caf"), 0xE9, .. Encoding.ASCII.GetBytes(" "), 0x80, .. Encoding.ASCII.GetBytes(",1\n")]);

        var run = await DryRunAsync(folder, input, "--encoding", "windows-1252");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            Assert.That(Urls(run), Is.EqualTo(new[] { UrlPrefix + "/conversionref:A-1/clickref:ck1/[category:caf%C3%A9%20%E2%82%AC/quantity:1]" }));
        });
    }

    [Test]
    public async Task Send_InvalidUtf8Bytes_RejectsTheirRowOnlyNamingTheColumn()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv");
        await File.WriteAllBytesAsync(input, [
            .. Encoding.ASCII.GetBytes("order_id,click_ref,category,qty\nA-1,ck1,shoes,1\nA-2,ck2,caf"), 0xE9,
            .. Encoding.ASCII.GetBytes(",1\nA-3,ck3,hats,2\n"),
        ]);

        var run = await DryRunAsync(folder, input);
        var rows = Rows(run);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
            Assert.That(rows.Select(r => r.GetProperty("outcome").GetString()), Is.EqualTo(new[] { "would-send", "rejected", "would-send" }));
            Assert.That(rows[1].GetProperty("errors")[0].GetProperty("message").GetString(), Is.EqualTo(
                "Row 2 of orders.csv could not be read: column 'category' holds bytes that are not valid UTF-8; give the file's encoding with --encoding (e.g. --encoding windows-1252)."));
            Assert.That(run.Out, Does.Not.Contain("\uFFFD").And.Not.Contain("%EF%BF%BD"), "no replacement character is ever sent");
        });
    }

    [Test]
    public async Task Send_InvalidBytesInJsonLines_RejectTheirRow()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.jsonl");
        await File.WriteAllBytesAsync(input, [
            .. Encoding.ASCII.GetBytes("""{"order_id":"A-1","click_ref":"ck1","category":"caf"""), 0xE9, .. Encoding.ASCII.GetBytes("\",\"qty\":1}\n"),
            .. Encoding.ASCII.GetBytes("""{"order_id":"A-2","click_ref":"ck2","category":"hats","qty":1}""" + "\n"),
        ]);

        var run = await DryRunAsync(folder, input);
        var rows = Rows(run);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
            Assert.That(rows.Select(r => r.GetProperty("outcome").GetString()), Is.EqualTo(new[] { "rejected", "would-send" }));
            Assert.That(rows[0].GetProperty("errors")[0].GetProperty("message").GetString(), Does.StartWith("Row 1 of orders.jsonl could not be read: it holds bytes that are not valid"));
        });
    }

    [Test]
    public async Task Send_MissingRequiredColumn_ExitsTwoNamingItAndTheFilesColumns()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv", "order_id,clickref,category,qty\nA-1,ck1,shoes,1\n");

        var run = await DryRunAsync(folder, input);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Is.EqualTo(
                "error: orders.csv has no column 'click_ref' (clickRef), which every row needs. Its header has the columns: 'order_id', 'clickref', 'category', 'qty'.\n"));
            Assert.That(run.Out, Is.Empty);
        });
    }

    [Test]
    public async Task Send_SemicolonFileReadWithCommaDelimiter_ExitsTwoSuggestingTheDelimiter()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv", "order_id;click_ref;category;qty;price\nA-1;ck1;shoes;1;12,50\n");

        var run = await DryRunAsync(folder, input, "--delimiter", ",");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Is.EqualTo(
                "error: orders.csv has no columns 'order_id' (conversionRef), 'click_ref' (clickRef), 'category' (item.category) and 'qty' (item.quantity), which every row needs. " +
                "Its header has the columns: 'order_id;click_ref;category;qty;price'. The header looks separated by ';', not ',': give --delimiter ';'.\n"));
            Assert.That(run.Out, Is.Empty);
        });
    }

    [Test]
    public async Task Send_TabFileReadWithSemicolonDelimiter_SuggestsTab()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv", "order_id\tclick_ref\tcategory\tqty\nA-1\tck1\tshoes\t1\n");

        var run = await DryRunAsync(folder, input, "--delimiter", ";");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.EndWith("The header looks separated by tab, not ';': give --delimiter tab.\n"));
        });
    }

    [Test]
    public async Task Send_MissingOptionalColumn_WarnsAndSends()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv", "order_id,click_ref,category,qty,price\nA-1,ck1,shoes,1,5\n");

        var run = await DryRunAsync(folder, input);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            Assert.That(run.Error, Does.StartWith(
                "warning: orders.csv has no column 'voucher', so voucher will not be sent (--strict-columns makes this an error).\n"));
            Assert.That(Urls(run), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task Send_MissingOptionalColumnWithStrictColumns_ExitsTwoNamingIt()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv", "order_id,click_ref,category,qty\nA-1,ck1,shoes,1\n");

        var run = await DryRunAsync(folder, input, "--strict-columns");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Is.EqualTo(
                "error: orders.csv has no columns 'voucher' (voucher) and 'price' (item.value), and --strict-columns refuses a mapped column the file lacks. " +
                "Its header has the columns: 'order_id', 'click_ref', 'category', 'qty'.\n"));
        });
    }

    [Test]
    public async Task Send_JsonLinesWhoseFirstObjectLacksARequiredName_ExitsTwoBeforeAnyRow()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.jsonl", """
            {"order_id":"A-1","clickRef":"ck1","category":"shoes","qty":1,"price":5,"voucher":"V"}
            {"order_id":"A-2","click_ref":"ck2","category":"shoes","qty":1,"price":5,"voucher":"V"}
            """);

        var run = await DryRunAsync(folder, input);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Is.EqualTo(
                "error: orders.jsonl has no column 'click_ref' (clickRef), which every row needs. Its first object has the names: 'order_id', 'clickRef', 'category', 'qty', 'price', 'voucher'.\n"));
            Assert.That(run.Out, Is.Empty);
        });
    }

    [Test]
    public async Task Send_MissingRequiredColumnUnderSandbox_SendsNothing()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv", "order_id,category,qty\nA-1,shoes,1\n");

        var run = await CliRun.RunAsync("send", "-i", input, "-m", folder.File("mapping.json", Mapping), "-c", Campaign, "--sandbox", "-o", "jsonl");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Not.Contain("Sandbox:"), "the check runs before the sandbox starts or any row is sent");
            Assert.That(run.Out, Is.Empty);
        });
    }

    [Test]
    public async Task Send_DecimalCommaInSemicolonFile_IsReadWithTheOption()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv", "order_id;click_ref;category;qty;price;voucher\nA-1;ck1;shoes;2;12,50;V\nA-2;ck2;hats;1;7;V\n");

        var run = await DryRunAsync(folder, input, "--decimal-comma");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            Assert.That(Urls(run), Is.EqualTo(new[]
            {
                UrlPrefix + "/conversionref:A-1/clickref:ck1/voucher:V/[category:shoes/value:12.50/quantity:2]",
                UrlPrefix + "/conversionref:A-2/clickref:ck2/voucher:V/[category:hats/value:7/quantity:1]",
            }));
        });
    }

    [Test]
    public async Task Send_DecimalCommaWithoutTheOption_IsRejectedNotGuessed()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv", "order_id;click_ref;category;qty;price;voucher\nA-1;ck1;shoes;2;12,50;V\n");

        var run = await DryRunAsync(folder, input);
        var rows = Rows(run);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
            Assert.That(rows[0].GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString())), Is.EqualTo(new[]
            {
                ("item.value", "price", "Column 'price' holds '12,50': numbers are read with a decimal point and no thousands separator; give --decimal-comma if the file writes decimals with a comma (12,50)."),
            }));
        });
    }

    [TestCase("1.234,50", "--decimal-comma", "Column 'price' holds '1.234,50', which has a thousands separator: write the number without one (with --decimal-comma, as in 1234,50).")]
    [TestCase("1 234,50", "--decimal-comma", "Column 'price' holds '1 234,50', which has a thousands separator: write the number without one (with --decimal-comma, as in 1234,50).")]
    [TestCase("1.234", "--decimal-comma", "Column 'price' holds '1.234', which has a thousands separator: write the number without one (with --decimal-comma, as in 1234,50).")]
    [TestCase("1,234.50", null, "Column 'price' holds '1,234.50': numbers are read with a decimal point and no thousands separator; give --decimal-comma if the file writes decimals with a comma (12,50).")]
    [TestCase("1 234.50", null, "Column 'price' holds '1 234.50': numbers are read with a decimal point and no thousands separator; give --decimal-comma if the file writes decimals with a comma (12,50).")]
    public async Task Send_ThousandsSeparator_RejectsTheRowNamingTheValue(string price, string? option, string message)
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv", $"order_id;click_ref;category;qty;price;voucher\nA-1;ck1;shoes;2;\"{price}\";V\nA-2;ck2;hats;1;7;V\n");

        var run = await DryRunAsync(folder, input, option is null ? [] : [option]);
        var rows = Rows(run);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
            Assert.That(rows.Select(r => r.GetProperty("outcome").GetString()), Is.EqualTo(new[] { "rejected", "would-send" }));
            Assert.That(rows[0].GetProperty("errors")[0].GetProperty("message").GetString(), Is.EqualTo(message));
        });
    }

    [Test]
    public async Task Send_DecimalCommaWithJsonInput_ExitsTwo()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.jsonl", """{"order_id":"A-1","click_ref":"ck1","category":"shoes","qty":1,"price":5,"voucher":"V"}""");

        var run = await DryRunAsync(folder, input, "--decimal-comma");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Is.EqualTo("error: --decimal-comma applies to CSV files; orders.jsonl is JSON, whose numbers always use a decimal point.\n"));
        });
    }

    [TestCase("orders.csv", "", "error: orders.csv is empty: there is nothing to send.")]
    [TestCase("orders.csv", "\r\n  \n", "error: orders.csv is empty: there is nothing to send.")]
    [TestCase("orders.csv", "order_id,click_ref,category,qty\r\n", "error: orders.csv has a header row but no rows: there is nothing to send.")]
    [TestCase("orders.json", "[]", "error: orders.json holds no rows: there is nothing to send.")]
    [TestCase("orders.jsonl", "\n\n", "error: orders.jsonl is empty: there is nothing to send.")]
    [TestCase("orders.csv", "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>\n",
        "error: orders.csv is an HTML page, not CSV: perhaps an error or sign-in page was saved in place of the export.")]
    [TestCase("orders.json", "<html><body>Sign in</body></html>", "error: orders.json is an HTML page, not JSON: perhaps an error or sign-in page was saved in place of the export.")]
    public async Task Send_FileThatIsNotWhatItsExtensionSays_ExitsTwoWithOneLine(string name, string contents, string error)
    {
        using var folder = new TempFolder();
        var input = folder.File(name, contents);

        var run = await DryRunAsync(folder, input);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Is.EqualTo(error + "\n"));
            Assert.That(run.Out, Is.Empty);
        });
    }

    [Test]
    public async Task Send_BinaryFile_ExitsTwoWithOneLine()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv");
        var bytes = new byte[3000];
        new Random(17).NextBytes(bytes);
        bytes[10] = 0;
        await File.WriteAllBytesAsync(input, bytes);

        var run = await DryRunAsync(folder, input);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Is.EqualTo("error: orders.csv holds binary data (NUL bytes), not CSV text: export the data as CSV.\n"));
        });
    }

    [Test]
    public async Task Send_ExcelWorkbookSavedAsCsv_ExitsTwoSayingWhatItIs()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv");
        await File.WriteAllBytesAsync(input, [(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0]);

        var run = await DryRunAsync(folder, input);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Is.EqualTo("error: orders.csv is a ZIP archive (an .xlsx workbook?), not CSV text: save or export the sheet as CSV.\n"));
        });
    }

    [Test]
    public async Task Send_Utf16WithoutByteOrderMark_ExitsTwoSuggestingTheEncoding()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv");
        await File.WriteAllBytesAsync(input, new UnicodeEncoding(false, false).GetBytes("order_id,click_ref,category,qty\nA-1,ck1,shoes,1\n"));

        var run = await DryRunAsync(folder, input);
        var withOption = await DryRunAsync(folder, input, "--encoding", "utf-16");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Is.EqualTo("error: orders.csv holds binary data (NUL bytes), not CSV text: export the data as CSV. If it is UTF-16 text without a byte order mark, give --encoding utf-16.\n"));
            Assert.That(withOption.ExitCode, Is.EqualTo(0), withOption.ToString());
        });
    }

    [TestCase("--delimiter", "x", "error: --delimiter must be one of , ; tab | (or comma, semicolon, pipe); got 'x'.")]
    [TestCase("--encoding", "klingon", "error: --encoding: 'klingon' is not an encoding this tool knows; use a name such as utf-8, utf-16, windows-1252 or iso-8859-1.")]
    public async Task Send_BadInputOption_ExitsTwoQuotingIt(string option, string value, string error)
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv", "order_id,click_ref,category,qty\nA-1,ck1,shoes,1\n");

        var run = await DryRunAsync(folder, input, option, value);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.StartWith(error + "\n"));
        });
    }

    [Test]
    public async Task Send_MappingFileWithSeveralProblems_ExitsTwoListingEveryOne()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv", "order_id,click_ref,category,qty\nA-1,ck1,shoes,1\n");
        var mapping = folder.File("mapping.json", """{"conversionRef":"order_id","clickref":"click_ref","vouchre":"voucher","items":{"colum":"lines"},"custom":{"currency":"cur"}}""");

        var run = await CliRun.RunAsync("send", "-i", input, "-m", mapping, "-c", Campaign, "--dry-run");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Is.EqualTo(
                $"error: --mapping {mapping}: The conversion mapping is not valid (4 problems): " +
                "vouchre: 'vouchre' is not a setting of the mapping; expected one of: conversionRef, clickRef, item, items, currency, country, customerType, voucher, customerRef, fulfilmentDate, conversionTime, custom (line 1, position 62).; " +
                "items.colum: 'colum' is not a setting of items; expected one of: column, category, quantity, value, sku, custom (line 1, position 89).; " +
                "items.column: The items mapping names no column; set items.column to the column holding the items array.; " +
                "custom.currency: Custom parameter name 'currency' is a standard Partnerize parameter name; map that field directly or choose another name.\n"));
        });
    }

    private static Task<CliRun> DryRunAsync(TempFolder folder, string input, params string[] options) =>
        CliRun.RunAsync(["send", "--input", input, "--mapping", folder.File("mapping.json", Mapping), "--campaign", Campaign, "--dry-run", "--output", "jsonl", .. options]);

    private static List<JsonElement> Rows(CliRun run) => [.. run.OutLines.Select(line => JsonDocument.Parse(line).RootElement)];

    private static string?[] Urls(CliRun run) => [.. Rows(run).Select(r => r.TryGetProperty("url", out var url) ? url.GetString() : r.ToString())];
}
