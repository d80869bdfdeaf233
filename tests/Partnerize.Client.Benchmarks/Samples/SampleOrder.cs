namespace Partnerize.Client.Benchmarks.Samples;

/// <summary>An order as an application holds it, before it thinks about Partnerize: typed values, no text formats.</summary>
public sealed record SampleOrder(
    string OrderId,
    string ClickRef,
    string Currency,
    string Country,
    bool NewCustomer,
    string Voucher,
    string CustomerId,
    DateOnly FulfilledOn,
    IReadOnlyList<SampleLine> Lines,
    IReadOnlyList<KeyValuePair<string, string>> Custom);
