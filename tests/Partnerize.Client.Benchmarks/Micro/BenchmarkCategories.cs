namespace Partnerize.Client.Benchmarks.Micro;

/// <summary>The benchmark categories: each pairs the library with the hand-written baseline doing the same job.</summary>
public static class BenchmarkCategories
{
    /// <summary>Build, validate and write the URL of the typical conversion.</summary>
    public const string Typical = "Typical";

    /// <summary>Build, validate and write the URL of the heavy conversion.</summary>
    public const string Heavy = "Heavy";

    /// <summary>Map one dictionary row, validate it and write its URL.</summary>
    public const string DictionaryRow = "DictionaryRow";

    /// <summary>Map one DbDataReader row, validate it and write its URL.</summary>
    public const string ReaderRow = "ReaderRow";
}
