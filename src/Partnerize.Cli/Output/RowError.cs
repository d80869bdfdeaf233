namespace Partnerize.Cli.Output;

/// <summary>One reason a row was rejected, as printed: the library's code, field and message, and the source column when known.</summary>
internal sealed record RowError(string Code, string Field, string Message, string? Column = null);
