using System.Text.Json;

namespace Partnerize.Cli.Tests.Commands;

public class SendCommandTests
{
    private const string Campaign = "10l176";

    [Test]
    public async Task Send_DryRunJsonlOnExample_WritesTheExpectedLineForEveryRow()
    {
        var run = await CliRun.RunAsync("send", "--input", CliRun.OrdersCsv, "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--dry-run", "--output", "jsonl");
        var expected = await File.ReadAllLinesAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "Expected", "orders.dry-run.jsonl"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
            Assert.That(run.OutLines, Is.EqualTo(expected));
            Assert.That(run.Error, Does.Contain("40 rows read: 34 would send, 6 rejected, 0 failed"));
        });
    }

    [Test]
    public async Task Send_DryRunJsonl_QuotesTheDocumentedMessagesVerbatim()
    {
        var run = await CliRun.RunAsync("send", "-i", CliRun.OrdersCsv, "-m", CliRun.MappingJson, "-c", Campaign, "--dry-run", "-o", "jsonl");
        var messages = run.OutLines.Select(line => JsonDocument.Parse(line).RootElement)
            .Where(row => row.GetProperty("outcome").GetString() == "rejected")
            .SelectMany(row => row.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()))
            .ToList();

        Assert.That(messages, Is.SupersetOf(new[]
        {
            "A conversion reference (order ID) is required for every Partnerize conversion.",
            "A click reference is required to attribute a Partnerize conversion.",
            "Conversion item is missing required field(s): category",
            "Each conversion must include at least one item with a category and quantity.",
        }));
    }

    [Test]
    public async Task Send_SandboxOnExample_SendsTheValidRowsOverHttpAndRejectsTheRest()
    {
        var run = await CliRun.RunAsync("send", "--input", CliRun.OrdersCsv, "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--sandbox", "--output", "jsonl");
        var rows = run.OutLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
            Assert.That(rows.Select(r => r.GetProperty("row").GetInt32()), Is.EqualTo(Enumerable.Range(1, 40)), "one line per row, in input order");
            Assert.That(rows.Count(r => r.GetProperty("outcome").GetString() == "sent"), Is.EqualTo(34));
            Assert.That(rows.Where(r => r.GetProperty("outcome").GetString() == "sent").Select(r => r.GetProperty("status").GetInt32()), Is.All.EqualTo(200));
            Assert.That(rows.Where(r => r.GetProperty("outcome").GetString() == "sent").Select(r => r.GetProperty("url").GetString()), Is.All.StartsWith("http://127.0.0.1:"));
            Assert.That(run.Error, Does.Contain("40 rows read: 34 sent, 6 rejected, 0 failed"));
        });
    }

    [Test]
    public async Task Send_HumanOutput_ListsProblemsThenTheSummary()
    {
        var run = await CliRun.RunAsync("send", "--input", CliRun.OrdersCsv, "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--sandbox");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
            Assert.That(run.OutLines[0], Is.EqualTo("row 5 rejected: conversionRef (column order_id): A conversion reference (order ID) is required for every Partnerize conversion."));
            Assert.That(run.OutLines[^1], Does.Match(@"^40 rows read: 34 sent, 6 rejected, 0 failed in \d+\.\d\d s \(\d[\d,]* rows/s\)\.$"));
        });
    }

    [Test]
    public async Task Send_EveryRowValid_ExitsZero()
    {
        using var folder = new TempFolder();
        var valid = File.ReadLines(CliRun.OrdersCsv).Where((line, index) => index is 0 or 1 or 2 or 3).ToList();
        var input = folder.File("valid.csv", string.Join('\n', valid) + "\n");

        var run = await CliRun.RunAsync("send", "--input", input, "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--sandbox");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Out, Does.Contain("3 rows read: 3 sent, 0 rejected, 0 failed"));
        });
    }

    [TestCase("report.csv")]
    [TestCase("report.jsonl")]
    public async Task Send_Report_HoldsEveryRejectedRowReadyToFixAndReplay(string reportName)
    {
        using var folder = new TempFolder();
        var report = folder.File(reportName);

        var run = await CliRun.RunAsync("send", "--input", CliRun.OrdersCsv, "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--dry-run", "--report", report);
        var replay = await CliRun.RunAsync("send", "--input", report, "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--dry-run", "--output", "jsonl");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
            Assert.That(run.Out, Does.Contain($"Report: 6 rows written to {report}."));
            Assert.That(replay.ExitCode, Is.EqualTo(3), replay.ToString());
            Assert.That(replay.OutLines, Has.Length.EqualTo(6), "the report replays as an input with the same mapping");
            Assert.That(replay.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("outcome").GetString()), Is.All.EqualTo("rejected"));
        });

        var text = await File.ReadAllTextAsync(report);
        Assert.Multiple(() =>
        {
            foreach (var expected in new[] { "_row", "_conversion_ref", "_outcome", "_reasons", "ORD-2024-1022", "POUNDS", "got 'POUNDS'", "A click reference is required to attribute a Partnerize conversion." })
            {
                Assert.That(text, Does.Contain(expected));
            }
        });
    }

    [Test]
    public async Task Send_JsonLinesInput_MapsEachObjectAndRejectsAMalformedLine()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.jsonl", """
            {"order_id":"A-1","click_ref":"ck1","category":"shoes","qty":2,"unit_price":19.99,"currency":"gbp"}

            {"order_id":"A-2","click_ref":"ck2","line_items":[{"cat":"hats","qty":1,"price":5}]}
            {"order_id": broken
            [1,2]
            """);

        var run = await CliRun.RunAsync("send", "--input", input, "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--dry-run", "--output", "jsonl");
        var rows = run.OutLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
            Assert.That(rows.Select(r => r.GetProperty("outcome").GetString()), Is.EqualTo(new[] { "would-send", "would-send", "rejected", "rejected" }));
            Assert.That(rows[0].GetProperty("url").GetString(), Does.EndWith("/conversionref:A-1/clickref:ck1/currency:GBP/[category:shoes/value:19.99/quantity:2]"));
            Assert.That(rows[1].GetProperty("url").GetString(), Does.EndWith("/[category:hats/value:5/quantity:1]"));
            Assert.That(rows[2].GetProperty("errors")[0].GetProperty("message").GetString(), Does.StartWith("Row 3 of orders.jsonl is not valid JSON"));
            Assert.That(rows[3].GetProperty("errors")[0].GetProperty("message").GetString(), Is.EqualTo("Row 4 of orders.jsonl is a JSON Array, not an object."));
        });
    }

    [Test]
    public async Task Send_JsonArrayInput_StreamsEachObject()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.json", """[{"order_id":"A-1","click_ref":"ck1","category":"shoes","qty":"1"},{"order_id":"A-2","click_ref":"ck2"}]""");

        var run = await CliRun.RunAsync("send", "--input", input, "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--dry-run", "--output", "jsonl");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
            Assert.That(run.OutLines, Has.Length.EqualTo(2));
            Assert.That(run.OutLines[1], Does.Contain("Each conversion must include at least one item with a category and quantity."));
        });
    }

    [Test]
    public async Task Send_BrandTrackingHost_BuildsUrlsForIt()
    {
        var run = await CliRun.RunAsync("send", "--input", CliRun.OrdersCsv, "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--dry-run", "--output", "jsonl", "--tracking-url", "https://brand.prf.hn/");

        Assert.That(run.OutLines[0], Does.Contain("\"url\":\"https://brand.prf.hn/conversion/tracking_mode:api/campaign:10l176/conversionref:ORD-2024-1001/"));
    }

    [Test]
    public async Task Send_MissingInputFile_ExitsTwoNamingIt()
    {
        var run = await CliRun.RunAsync("send", "--input", "no-such-orders.csv", "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--dry-run");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("--input").And.Contain("no-such-orders.csv").And.Contain("cannot be read"));
        });
    }

    [Test]
    public async Task Send_UnsupportedInputType_ExitsTwoNamingTheTypes()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.xlsx", "x");

        var run = await CliRun.RunAsync("send", "--input", input, "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--dry-run");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("unsupported file type '.xlsx'"));
        });
    }

    [Test]
    public async Task Send_MalformedMappingJson_ExitsTwoNamingTheFile()
    {
        using var folder = new TempFolder();
        var mapping = folder.File("mapping.json", "{ \"conversionRef\": ");

        var run = await CliRun.RunAsync("send", "--input", CliRun.OrdersCsv, "--mapping", mapping, "--campaign", Campaign, "--dry-run");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("--mapping " + mapping));
            Assert.That(run.Out, Is.Empty, "no row is read");
        });
    }

    [Test]
    public async Task Send_MappingWithReservedCustomName_ExitsTwoNamingTheEntry()
    {
        using var folder = new TempFolder();
        var mapping = folder.File("mapping.json", """{ "conversionRef": "order_id", "clickRef": "click_ref", "custom": { "voucher": "voucher_code" } }""");

        var run = await CliRun.RunAsync("send", "--input", CliRun.OrdersCsv, "--mapping", mapping, "--campaign", Campaign, "--dry-run");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("custom").And.Contain("voucher"));
        });
    }

    [Test]
    public async Task Send_MissingMappingFile_ExitsTwo()
    {
        var run = await CliRun.RunAsync("send", "--input", CliRun.OrdersCsv, "--mapping", "no-such-mapping.json", "--campaign", Campaign, "--dry-run");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("no-such-mapping.json"));
        });
    }

    [TestCase("0")]
    [TestCase("2000")]
    public async Task Send_ConcurrencyOutOfRange_ExitsTwo(string concurrency)
    {
        var run = await CliRun.RunAsync("send", "--input", CliRun.OrdersCsv, "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--concurrency", concurrency);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain($"--concurrency must be between 1 and 1024; got {concurrency}."));
        });
    }

    [Test]
    public async Task Send_MissingRequiredOptions_ExitsTwoNamingEach()
    {
        var run = await CliRun.RunAsync("send");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("--input").And.Contain("--mapping").And.Contain("--campaign"));
        });
    }

    [Test]
    public async Task Send_PlainHttpTrackingHostOffLoopback_ExitsTwoNamingTheSetting()
    {
        var run = await CliRun.RunAsync("send", "--input", CliRun.OrdersCsv, "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--tracking-url", "http://tracking.example.com/");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("TrackingBaseAddress"));
        });
    }

    [Test]
    public async Task Send_TrackingUrlNotAnAddress_ExitsTwoQuotingIt()
    {
        var run = await CliRun.RunAsync("send", "--input", CliRun.OrdersCsv, "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--dry-run", "--tracking-url", "brand.prf.hn");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("--tracking-url must be an absolute http(s) address such as https://brand.prf.hn/; got 'brand.prf.hn'."));
        });
    }

    [Test]
    public async Task Send_StandardOutputFails_ExitsOneWithTheReason()
    {
        var error = new StringWriter();
        var console = new CliConsole(new FailingWriter(), error, _ => null, IsErrorInteractive: false);

        var exitCode = await CliApplication.RunAsync(["send", "--input", CliRun.OrdersCsv, "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--dry-run", "--output", "jsonl"], console, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(error.ToString(), Does.Contain("unexpected error: IOException: No space left on device"));
        });
    }

    [Test]
    public async Task Send_CancelledMidRun_ReportsTheRowsReadAndExitsThree()
    {
        // Far more rows than the tracker's bounded read-ahead window, so stopping early is observable, not a race.
        const int Rows = 5_000;
        using var folder = new TempFolder();
        var input = folder.File("many.csv", "order_id,click_ref,category,qty\n" + string.Concat(Enumerable.Range(1, Rows).Select(i => $"ORD-{i},ck{i},shoes,1\n")));
        using var cancellation = new CancellationTokenSource();
        var output = new CancellingWriter(cancellation, afterLines: 5);
        var error = new StringWriter();
        var console = new CliConsole(output, error, _ => null, IsErrorInteractive: false);

        var exitCode = await CliApplication.RunAsync(["send", "--input", input, "--mapping", CliRun.MappingJson, "--campaign", Campaign, "--sandbox", "--output", "jsonl"], console, cancellation.Token);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(3), error.ToString());
            Assert.That(lines, Has.Length.LessThan(Rows / 2), "reading stopped");
            Assert.That(lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("row").GetInt32()), Is.EqualTo(Enumerable.Range(1, lines.Length)), "every row read has exactly one outcome, in order");
            Assert.That(error.ToString(), Does.Contain("rows read").And.Contain("Cancelled: no further rows were read or sent."));
        });
    }

    /// <summary>Cancels the run once a number of rows have been written, as Ctrl+C would mid-run.</summary>
    private sealed class CancellingWriter(CancellationTokenSource cancellation, int afterLines) : StringWriter
    {
        private int _lines;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (++_lines == afterLines)
            {
                cancellation.Cancel();
            }
        }
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void WriteLine(string? value) => throw new IOException("No space left on device");

        public override Task WriteLineAsync(string? value) => throw new IOException("No space left on device");
    }
}
