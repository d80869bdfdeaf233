using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Partnerize.Client.Benchmarks.Load;

/// <summary>
/// A <see cref="SinkServer"/> in a separate process (this same program in <c>sink</c> mode), so that the server's
/// work does not run inside the process being measured. Disposing closes its input, which stops it.
/// </summary>
public sealed class SinkProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SinkProcess(Process process, Uri baseAddress, int delayMilliseconds)
    {
        _process = process;
        BaseAddress = baseAddress;
        DelayMilliseconds = delayMilliseconds;
    }

    /// <summary>The sink's address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>How long the sink waits before it answers.</summary>
    public int DelayMilliseconds { get; }

    /// <summary>Starts a sink and waits for its port.</summary>
    /// <param name="delayMilliseconds">How long it waits before answering.</param>
    /// <returns>The running sink.</returns>
    public static async Task<SinkProcess> StartAsync(int delayMilliseconds)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };

        // Run as this process runs: through its apphost, or through "dotnet <dll>".
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which program is running.");
        start.FileName = self;
        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in new[] { "sink", "--port", "0", "--delay-ms", delayMilliseconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The sink did not start.");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The sink did not report its port; it said '{line}'.");
        }

        var port = int.Parse(line.AsSpan(5), NumberStyles.Integer, CultureInfo.InvariantCulture);
        return new SinkProcess(process, new Uri($"http://127.0.0.1:{port}/"), delayMilliseconds);
    }

    /// <summary>Closes the sink's input and waits for it to exit (killing it, this process only, if it does not).</summary>
    /// <returns>A task that completes when the sink has exited.</returns>
    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
