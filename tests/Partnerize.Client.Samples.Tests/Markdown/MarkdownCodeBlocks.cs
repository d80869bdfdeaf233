namespace Partnerize.Client.Samples.Tests.Markdown;

/// <summary>Reads the fenced code blocks (``` or ~~~, CommonMark style) of a Markdown page.</summary>
public static class MarkdownCodeBlocks
{
    /// <summary>Every fenced code block of the page, in order.</summary>
    public static IReadOnlyList<CodeBlock> Read(string path) =>
        Parse(RepositoryFiles.Relative(path), File.ReadAllText(path));

    /// <summary>Every fenced code block of <paramref name="markdown"/>, in order.</summary>
    public static IReadOnlyList<CodeBlock> Parse(string page, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<CodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ').Length;
            var text = lines[i].TrimStart(' ');
            if (indent > 3 || !(text.StartsWith("```", StringComparison.Ordinal) || text.StartsWith("~~~", StringComparison.Ordinal)))
            {
                continue;
            }

            var fenceChar = text[0];
            var fenceLength = text.Length - text.TrimStart(fenceChar).Length;
            var language = text[fenceLength..].Trim().Split(' ', 2)[0];
            var body = new List<string>();
            var start = i + 1;
            for (i++; i < lines.Length && !IsClosingFence(lines[i], fenceChar, fenceLength); i++)
            {
                body.Add(RemoveIndent(lines[i], indent));
            }

            blocks.Add(new CodeBlock(page, start + 1, language, string.Join('\n', body)));
        }

        return blocks;
    }

    private static bool IsClosingFence(string line, char fenceChar, int fenceLength)
    {
        var text = line.TrimStart(' ');
        return line.Length - text.Length <= 3
            && text.Length >= fenceLength
            && text.TrimEnd().All(c => c == fenceChar)
            && text.TrimEnd().Length >= fenceLength;
    }

    private static string RemoveIndent(string line, int indent)
    {
        var spaces = 0;
        while (spaces < indent && spaces < line.Length && line[spaces] == ' ')
        {
            spaces++;
        }

        return line[spaces..];
    }
}
