using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Partnerize.Client.Mapping;
using Partnerize.Client.Samples.Tests.Compilation;
using Partnerize.Client.Samples.Tests.Markdown;
using Partnerize.Client.Testing;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Samples.Tests;

/// <summary>
/// Runs the README's whole-file samples (<c>// Program.cs</c>, <c>// OrderSync.cs</c>) as written: the quick start
/// against the fake it sets up, and the database sync against SQLite holding the bundled example orders. The consumer
/// smoke test runs the same quick start again, from the packed packages.
/// </summary>
[NonParallelizable] // the quick start writes to the process's console
public class ReadmeSamplesTests
{
    private static readonly Lazy<Assembly> ReadmeApp = new(CompileReadmeApp);

    [Test]
    public void QuickStart_AsInTheReadme_PrintsWhatTheReadmeShowsAndExitsZero()
    {
        var output = new StringWriter();
        var console = Console.Out;
        int exitCode;
        Console.SetOut(output);
        try
        {
            exitCode = (int)ReadmeApp.Value.EntryPoint!.Invoke(null, [Array.Empty<string>()])!;
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.That(exitCode, Is.Zero, output.ToString);
        Assert.That(ReadmeQuickStart.Differences(output.ToString()), Is.Empty, output.ToString);
    }

    [Test]
    public void Differences_OutputUnlikeTheReadme_AreListedByLine()
    {
        var shown = ReadmeQuickStart.ShownOutput();
        var printed = string.Join('\n', shown.Select((line, i) => i == 1 ? line + " and more" : line.Replace("...", "0.1", StringComparison.Ordinal)));

        var differences = ReadmeQuickStart.Differences(printed);

        Assert.That(differences, Has.Count.EqualTo(1));
        Assert.That(differences[0], Does.StartWith("Line 2: printed"));
        Assert.That(ReadmeQuickStart.Differences(string.Join('\n', shown.Take(2))), Does.Contain($"The quick start printed 2 lines; README.md shows {shown.Count}."));
    }

    [Test]
    public async Task OrderSync_AsInTheReadme_SendsTheExampleOrdersFromADatabase()
    {
        var fake = new FakePartnerize();
        var services = new ServiceCollection();
        services.AddPartnerize(options => options.CampaignId = "10l176").UseFakePartnerize(fake);
        services.AddSingleton(await ConversionMapping.LoadFileAsync(Path.Combine(RepositoryFiles.Root, "docs/examples/mapping.json")));
        await using var provider = services.BuildServiceProvider();
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var (header, rows) = await CreateOrdersTableAsync(connection);

        var syncType = ReadmeApp.Value.GetType("OrderSync", throwOnError: true)!;
        var sync = ActivatorUtilities.CreateInstance(provider, syncType);
        var run = syncType.GetMethod("RunAsync")!;
        var summary = await (Task<TrackingSummary>)run.Invoke(sync, [connection, CancellationToken.None])!;

        var orderIds = rows.Select(row => row[header.IndexOf("order_id")]?.Trim()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(summary.Total, Is.EqualTo(rows.Count));
            Assert.That(summary.Sent + summary.Rejected, Is.EqualTo(rows.Count), summary.ToString());
            Assert.That(summary.Rejected, Is.EqualTo(6), "docs/examples/orders.csv has six rows that Partnerize's rules reject");
            Assert.That(fake.Conversions, Has.Count.EqualTo(summary.Sent));
            Assert.That(fake.Conversions.Select(c => c.ConversionRef), Is.SubsetOf(orderIds));
            Assert.That(fake.Conversions.Select(c => c.CampaignId).Distinct(), Is.EqualTo(new[] { "10l176" }));
        });
    }

    private static async Task<(List<string> Header, IReadOnlyList<string?[]> Rows)> CreateOrdersTableAsync(SqliteConnection connection)
    {
        var (header, rows) = CsvFile.Read(Path.Combine(RepositoryFiles.Root, "docs/examples/orders.csv"));
        await using var create = connection.CreateCommand();
        create.CommandText = $"CREATE TABLE orders ({string.Join(", ", header.Select(column => $"{column} TEXT"))}, synced INTEGER NOT NULL DEFAULT 0)";
        await create.ExecuteNonQueryAsync();
        foreach (var row in rows)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO orders ({string.Join(", ", header)}) VALUES ({string.Join(", ", header.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < header.Count; i++)
            {
                insert.Parameters.AddWithValue($"$p{i}", (object?)row[i] ?? DBNull.Value);
            }

            await insert.ExecuteNonQueryAsync();
        }

        return ([.. header], rows);
    }

    private static Assembly CompileReadmeApp()
    {
        var files = MarkdownCodeBlocks.Read(Path.Combine(RepositoryFiles.Root, "README.md"))
            .Where(block => block.IsCSharp && block.FileName is not null)
            .ToList();
        Assert.That(files.Select(file => file.FileName), Is.EquivalentTo(new[] { "Program.cs", "OrderSync.cs" }), "the README's whole-file samples");
        var (compilation, errors) = SampleCompiler.CompileFiles("ReadmeApp", files);
        Assert.That(errors, Is.Empty, () => string.Join(Environment.NewLine, errors));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.That(emitted.Success, Is.True, () => string.Join(Environment.NewLine, emitted.Diagnostics));
        return Assembly.Load(image.ToArray());
    }
}
