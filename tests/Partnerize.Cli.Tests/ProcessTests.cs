using System.Diagnostics;

namespace Partnerize.Cli.Tests;

/// <summary>The tool as a user runs it: a separate process, real standard streams and exit code.</summary>
public class ProcessTests
{
    private static async Task<CliRun> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "partnerize.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await output, await error);
    }

    [Test]
    public async Task Process_ReadmeRunCommand_SendsTheExampleToTheSandbox()
    {
        var run = await RunProcessAsync("send", "--input", CliRun.OrdersCsv, "--mapping", CliRun.MappingJson, "--campaign", "10l176", "--sandbox");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
            Assert.That(run.Out, Does.Contain("40 rows read: 34 sent, 6 rejected, 0 failed"));
            Assert.That(run.Error, Does.Contain("Sandbox: sending to a fake Partnerize at http://127.0.0.1:"));
        });
    }

    [Test]
    public async Task Process_Help_ListsTheCommandsAndExitsZero()
    {
        var run = await RunProcessAsync("--help");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Out, Does.Contain("connection").And.Contain("campaigns").And.Contain("send"));
        });
    }

    [Test]
    public async Task Process_UnknownOption_ExitsTwo()
    {
        var run = await RunProcessAsync("send", "--no-such-option");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
    }
}
