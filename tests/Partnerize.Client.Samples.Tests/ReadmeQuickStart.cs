using System.Text.RegularExpressions;
using Partnerize.Client.Samples.Tests.Markdown;

namespace Partnerize.Client.Samples.Tests;

/// <summary>The README's quick start: its <c>Program.cs</c> and the output the README says it prints.</summary>
public static class ReadmeQuickStart
{
    /// <summary>The README's code blocks.</summary>
    public static IReadOnlyList<CodeBlock> Blocks() => MarkdownCodeBlocks.Read(Path.Combine(RepositoryFiles.Root, "README.md"));

    /// <summary>The quick start's <c>Program.cs</c>, as printed in the README.</summary>
    public static CodeBlock Program() =>
        Blocks().SingleOrDefault(block => block.IsCSharp && block.FileName == "Program.cs")
        ?? throw new InvalidOperationException("README.md has no C# block starting with '// Program.cs'.");

    /// <summary>The lines the README shows as the quick start's output: the <c>text</c> block right after Program.cs.</summary>
    public static IReadOnlyList<string> ShownOutput()
    {
        var blocks = Blocks().ToList();
        var program = blocks.FindIndex(block => block.IsCSharp && block.FileName == "Program.cs");
        if (program < 0 || program + 1 >= blocks.Count || blocks[program + 1].Language != "text")
        {
            throw new InvalidOperationException("README.md shows the quick start's output in a 'text' block right after Program.cs.");
        }

        return blocks[program + 1].Code.TrimEnd('\n').Split('\n');
    }

    /// <summary>
    /// How the printed output differs from what the README shows (empty when it matches). In the README's lines,
    /// <c>...</c> stands for text that varies from run to run, such as timings.
    /// </summary>
    public static IReadOnlyList<string> Differences(string printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var actual = printed.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var shown = ShownOutput();
        var differences = new List<string>();
        if (actual.Length != shown.Count)
        {
            differences.Add($"The quick start printed {actual.Length} lines; README.md shows {shown.Count}.");
        }

        for (var i = 0; i < Math.Min(actual.Length, shown.Count); i++)
        {
            var pattern = "^" + string.Join(".*", shown[i].Split("...").Select(Regex.Escape)) + "$";
            if (!Regex.IsMatch(actual[i], pattern))
            {
                differences.Add($"Line {i + 1}: printed '{actual[i]}'; README.md shows '{shown[i]}'.");
            }
        }

        return differences;
    }
}
