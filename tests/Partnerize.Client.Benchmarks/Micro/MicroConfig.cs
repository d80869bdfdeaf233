using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Partnerize.Client.Benchmarks.Micro;

/// <summary>
/// What every micro-benchmark reports: allocations, the allocation-to-URL ratio, and the ratio to the hand-written
/// baseline of its category. The job comes from the command line (e.g. <c>--job short</c>).
/// </summary>
public sealed class MicroConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public MicroConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(CategoriesColumn.Default, new AllocationPerUrlColumn());
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
    }
}
