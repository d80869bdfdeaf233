using System.Globalization;
using ScottPlot;

namespace Partnerize.Client.Benchmarks.Charts;

/// <summary>Draws throughput against concurrency, the library beside the plain loop, as an SVG or a PNG (ScottPlot).</summary>
public static class ThroughputChart
{
    /// <summary>Writes the chart.</summary>
    /// <param name="path">The file to write: a PNG when it ends with <c>.png</c>, otherwise an SVG.</param>
    /// <param name="points">Per concurrency, the median rows per second of each side.</param>
    /// <param name="title">The chart's title.</param>
    public static void Save(string path, IReadOnlyList<(int Concurrency, double Library, double Plain)> points, string title)
    {
        ArgumentNullException.ThrowIfNull(points);
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");

        // Concurrency grows by powers of two or four: a log2 axis spaces the points evenly.
        var xs = points.Select(point => Math.Log2(point.Concurrency)).ToArray();
        var library = plot.Add.Scatter(xs, points.Select(point => point.Library).ToArray());
        library.LegendText = "Partnerize.Client TrackManyAsync (validate + URL + send)";
        library.LineWidth = 2;
        library.MarkerSize = 7;
        var plain = plot.Add.Scatter(xs, points.Select(point => point.Plain).ToArray());
        plain.LegendText = "plain HttpClient loop (pre-built URLs)";
        plain.LineWidth = 2;
        plain.MarkerSize = 7;
        plain.LinePattern = LinePattern.Dashed;

        plot.Axes.Bottom.SetTicks(xs, points.Select(point => point.Concurrency.ToString(CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Bottom.Label.Text = "concurrency (requests in flight)";
        plot.Axes.Left.Label.Text = "rows per second";
        plot.Axes.SetLimitsY(0, points.Max(point => Math.Max(point.Library, point.Plain)) * 1.15);
        plot.Title(title);
        plot.ShowLegend(Alignment.LowerRight);
        if (string.Equals(Path.GetExtension(path), ".png", StringComparison.OrdinalIgnoreCase))
        {
            plot.SavePng(path, 800, 450);
        }
        else
        {
            plot.SaveSvg(path, 800, 450);
        }
    }
}
