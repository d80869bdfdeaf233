namespace Partnerize.Client.Samples.Tests.Markdown;

public class MarkdownCodeBlocksTests
{
    [Test]
    public void Parse_FencesOfBothKinds_ReturnsEachBlockWithItsLanguageAndFirstLine()
    {
        var blocks = MarkdownCodeBlocks.Parse("page.md", """
            Intro.

            ```csharp
            var a = 1;
            ```

            ~~~sh
            dotnet test
            ~~~

            ````
            ```csharp
            not a fence of its own
            ```
            ````
            """);

        Assert.That(blocks, Has.Count.EqualTo(3));
        Assert.Multiple(() =>
        {
            Assert.That(blocks[0], Is.EqualTo(new CodeBlock("page.md", 4, "csharp", "var a = 1;")));
            Assert.That(blocks[1], Is.EqualTo(new CodeBlock("page.md", 8, "sh", "dotnet test")));
            Assert.That(blocks[2].Language, Is.Empty);
            Assert.That(blocks[2].Code, Is.EqualTo("```csharp\nnot a fence of its own\n```"));
            Assert.That(blocks[0].IsCSharp, Is.True);
            Assert.That(blocks[1].IsCSharp, Is.False);
        });
    }

    [Test]
    public void Parse_AFenceIndentedInAList_RemovesTheFenceIndentation()
    {
        var blocks = MarkdownCodeBlocks.Parse("page.md", "1. Step:\n\n   ```cs\n   if (x)\n       y();\n   ```\n");

        Assert.That(blocks.Single().Code, Is.EqualTo("if (x)\n    y();"));
    }

    [TestCase("// Program.cs\nvar a = 1;", "Program.cs")]
    [TestCase("// OrderSync.cs: send the orders a query returns\nclass A;", "OrderSync.cs")]
    [TestCase("// In code.\nvar a = 1;", null)]
    [TestCase("var a = 1; // Program.cs", null)]
    public void FileName_FirstLineComment_NamesTheFile(string code, string? expected)
    {
        Assert.That(new CodeBlock("page.md", 1, "csharp", code).FileName, Is.EqualTo(expected));
    }
}
