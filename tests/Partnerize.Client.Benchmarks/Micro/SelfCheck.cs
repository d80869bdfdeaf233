namespace Partnerize.Client.Benchmarks.Micro;

/// <summary>
/// The quick check behind <c>check</c>: the library and the baseline of every category produce identical URLs. It runs
/// in well under a second, so it can be run before every benchmark run.
/// </summary>
public static class SelfCheck
{
    /// <summary>Runs the check and prints one line per category.</summary>
    /// <param name="output">Where to write.</param>
    /// <returns>0 when every URL matches, 1 otherwise.</returns>
    public static int Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var failed = false;
        foreach (var category in new[] { BenchmarkCategories.Typical, BenchmarkCategories.Heavy, BenchmarkCategories.DictionaryRow, BenchmarkCategories.ReaderRow })
        {
            try
            {
                var pairs = SampleUrls.AssertSame(category);
                var first = pairs[0].Library;
                output.WriteLine($"ok   {category,-14} {pairs.Count,5} URL(s) identical; first is {first.Length} characters ({SampleUrls.StringBytes(first.Length)} bytes as a string)");
            }
            catch (InvalidOperationException exception)
            {
                failed = true;
                output.WriteLine($"FAIL {exception.Message}");
            }
        }

        return failed ? 1 : 0;
    }
}
