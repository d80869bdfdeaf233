namespace Partnerize.Client.Benchmarks.Samples;

/// <summary>One order line as an application holds it.</summary>
public sealed record SampleLine(string Category, string Sku, decimal UnitPrice, int Quantity);
