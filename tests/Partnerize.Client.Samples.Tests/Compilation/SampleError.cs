using Partnerize.Client.Samples.Tests.Markdown;

namespace Partnerize.Client.Samples.Tests.Compilation;

/// <summary>A compiler error in a code sample, located in its Markdown page.</summary>
/// <param name="Block">The code block.</param>
/// <param name="PageLine">The 1-based line of the error in the page.</param>
/// <param name="Id">The compiler's diagnostic ID, e.g. <c>CS0103</c>.</param>
/// <param name="Message">The compiler's message.</param>
/// <param name="SourceLine">The sample's line that holds the error.</param>
public sealed record SampleError(CodeBlock Block, int PageLine, string Id, string Message, string SourceLine)
{
    /// <inheritdoc />
    public override string ToString() => $"{Block.Page}:{PageLine}: {Id}: {Message}{Environment.NewLine}    | {SourceLine.Trim()}";
}
