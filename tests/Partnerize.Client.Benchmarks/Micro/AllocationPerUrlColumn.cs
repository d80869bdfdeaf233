using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Partnerize.Client.Benchmarks.Micro;

/// <summary>
/// Bytes allocated per operation divided by the size of the URL string the operation produces: the allocation
/// target is at most 1.5 for the library on the typical conversion.
/// </summary>
public sealed class AllocationPerUrlColumn : IColumn
{
    private static readonly ConcurrentDictionary<string, double> UrlBytes = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Id => nameof(AllocationPerUrlColumn);

    /// <inheritdoc />
    public string ColumnName => "Alloc/URL";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => "Allocated bytes per operation / bytes of the URL string it produces (the URL string itself included in the allocation)";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var report = summary[benchmarkCase];
        var category = benchmarkCase.Descriptor.Categories.FirstOrDefault();
        if (report is null || category is null || !SampleUrls.HasUrls(category)
            || report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) is not { } allocated)
        {
            return "-";
        }

        var urlBytes = UrlBytes.GetOrAdd(category, SampleUrls.StringBytes);
        return (allocated / urlBytes).ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;
}
