using System.Text.Json;

namespace Partnerize.Client.Smoke.Tests;

/// <summary>
/// The <c>partnerize</c> tool as a user gets it: installed from the tool package in the local feed with
/// <c>dotnet tool install --tool-path</c>, then run on the bundled example orders.
/// </summary>
[Category("Smoke")]
public class ToolSmokeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    // docs/examples/orders.csv: one row for each documented rejection, and two values that break a rule.
    private static readonly Dictionary<int, string> RejectedRows = new()
    {
        [5] = "conversion_ref_missing",
        [10] = "click_ref_missing",
        [14] = "item_field_missing",
        [17] = "items_missing",
        [22] = "currency_invalid",
        [26] = "item_quantity_invalid",
    };

    [Test]
    public async Task PartnerizeSendDryRun_InstalledFromThePackage_ReportsEveryExampleOrder()
    {
        var feed = SmokeFeed.Instance;
        await SmokeFeed.PackAsync("src/Partnerize.Cli/Partnerize.Cli.csproj");
        var tools = Path.Combine(feed.Root, "tools");
        var install = await DotnetCli.RunAsync(feed.Root,
            ["tool", "install", "Partnerize.Cli", "--tool-path", tools, "--version", feed.Version], Timeout);
        Assert.That(install.ExitCode, Is.Zero, install.ToString);

        var partnerize = Path.Combine(tools, OperatingSystem.IsWindows() ? "partnerize.exe" : "partnerize");
        var send = await DotnetCli.RunProgramAsync(partnerize, RepositoryFiles.Root,
        [
            "send", "--dry-run", "--input", "docs/examples/orders.csv", "--mapping", "docs/examples/mapping.json",
            "--campaign", "10l176", "--output", "jsonl",
        ], Timeout);

        Assert.That(send.ExitCode, Is.EqualTo(3), () => $"exit code 3: the example has rejected rows{Environment.NewLine}{send}");
        var lines = send.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Has.Length.EqualTo(40), send.ToString);
        Assert.Multiple(() =>
        {
            for (var i = 0; i < lines.Length; i++)
            {
                using var json = JsonDocument.Parse(lines[i]);
                var row = json.RootElement;
                var number = i + 1;
                Assert.That(row.GetProperty("row").GetInt32(), Is.EqualTo(number), $"line {number} reports row {number}");
                if (RejectedRows.TryGetValue(number, out var code))
                {
                    Assert.That(row.GetProperty("outcome").GetString(), Is.EqualTo("rejected"), lines[i]);
                    Assert.That(row.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()), Does.Contain(code), lines[i]);
                }
                else
                {
                    Assert.That(row.GetProperty("outcome").GetString(), Is.EqualTo("would-send"), lines[i]);
                    Assert.That(row.GetProperty("url").GetString(), Does.StartWith("https://prf.hn/conversion/tracking_mode:api/campaign:10l176/conversionref:"), lines[i]);
                }
            }
        });
    }
}
