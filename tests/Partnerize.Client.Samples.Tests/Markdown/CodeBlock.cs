namespace Partnerize.Client.Samples.Tests.Markdown;

/// <summary>A fenced code block of a Markdown page.</summary>
/// <param name="Page">The page, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the block's first code line in the page.</param>
/// <param name="Language">The fence's language (info string's first word), e.g. <c>csharp</c>; empty when none.</param>
/// <param name="Code">The block's text, without the fences and without the fence's indentation.</param>
public sealed record CodeBlock(string Page, int Line, string Language, string Code)
{
    /// <summary>Whether the block is C# (<c>csharp</c>, <c>cs</c> or <c>c#</c>).</summary>
    public bool IsCSharp => Language.ToLowerInvariant() is "csharp" or "cs" or "c#";

    /// <summary>
    /// The file name a block names in its first line (<c>// Program.cs</c>, <c>// OrderSync.cs: ...</c>): such a block
    /// is a whole source file. Null for a fragment.
    /// </summary>
    public string? FileName
    {
        get
        {
            var firstLine = Code.AsSpan().TrimStart();
            var end = firstLine.IndexOfAny('\n', '\r');
            firstLine = end < 0 ? firstLine : firstLine[..end];
            if (!firstLine.StartsWith("// "))
            {
                return null;
            }

            var name = firstLine[3..];
            var stop = name.IndexOfAny(':', ' ', ',');
            name = stop < 0 ? name : name[..stop];
            return name.EndsWith(".cs", StringComparison.Ordinal) && name.Length > 3 ? name.ToString() : null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Page}:{Line}";
}
