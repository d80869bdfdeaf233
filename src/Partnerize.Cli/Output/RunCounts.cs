using System.Diagnostics;
using System.Globalization;

namespace Partnerize.Cli.Output;

/// <summary>Counts of a run by outcome, with its elapsed time.</summary>
internal sealed class RunCounts
{
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

    public int Read { get; private set; }

    public int Sent { get; private set; }

    public int Rejected { get; private set; }

    public int Failed { get; private set; }

    public int Cancelled { get; private set; }

    public TimeSpan Elapsed => _stopwatch.Elapsed;

    public bool AllSucceeded => Rejected == 0 && Failed == 0 && Cancelled == 0;

    public void Add(RowOutcome outcome)
    {
        Read++;
        switch (outcome.Outcome)
        {
            case RowOutcome.Sent or RowOutcome.WouldSend:
                Sent++;
                break;
            case RowOutcome.Rejected:
                Rejected++;
                break;
            case RowOutcome.Failed:
                Failed++;
                break;
            default:
                Cancelled++;
                break;
        }
    }

    public void Stop() => _stopwatch.Stop();

    public string Describe(bool dryRun)
    {
        var seconds = Math.Max(Elapsed.TotalSeconds, 0.001);
        var sentLabel = dryRun ? "would send" : "sent";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Read:N0} rows read: {Sent:N0} {sentLabel}, {Rejected:N0} rejected, {Failed:N0} failed");
        if (Cancelled > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {Cancelled:N0} cancelled");
        }

        return text + string.Create(CultureInfo.InvariantCulture, $" in {Elapsed.TotalSeconds:0.00} s ({Read / seconds:N0} rows/s).");
    }
}
