using Microsoft.CodeAnalysis.CSharp;
using Partnerize.Client.Samples.Tests.Compilation;
using Partnerize.Client.Samples.Tests.Markdown;

namespace Partnerize.Client.Samples.Tests;

/// <summary>
/// Every C# sample in README.md, docs/ and the package READMEs compiles against the current API, so no sample can
/// rot. How the blocks are compiled (whole files, fragments, and what a fragment may take as given):
/// <see cref="SampleCompiler"/>. A sample that cannot compile on its own belongs in a <c>text</c> block.
/// </summary>
public class DocsSamplesTests
{
    public static IEnumerable<TestCaseData> PagesWithCSharp() =>
        RepositoryFiles.MarkdownPages()
            .Where(page => MarkdownCodeBlocks.Read(page).Any(block => block.IsCSharp))
            .Select(page => new TestCaseData(RepositoryFiles.Relative(page)).SetArgDisplayNames(RepositoryFiles.Relative(page)));

    [TestCaseSource(nameof(PagesWithCSharp))]
    public void CSharpSamples_OfThePage_Compile(string page)
    {
        var blocks = MarkdownCodeBlocks.Read(Path.Combine(RepositoryFiles.Root, page)).Where(block => block.IsCSharp).ToList();
        var fragments = blocks.Where(block => block.FileName is null).ToList();
        var files = blocks.Where(block => block.FileName is not null).ToList();

        var errors = new List<SampleError>();
        CSharpCompilation? pageFiles = null;
        if (files.Count > 0)
        {
            (pageFiles, var fileErrors) = SampleCompiler.CompileFiles("PageSamples", files);
            errors.AddRange(fileErrors);
        }

        errors.AddRange(SampleCompiler.CompileFragments(fragments, pageFiles));

        Assert.That(errors, Is.Empty, () =>
            $"{errors.Count} compiler error(s) in the C# samples of {page}:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    [Test]
    public void MarkdownPages_ReadmeAndDocs_HaveCSharpSamplesToCheck()
    {
        var pages = RepositoryFiles.MarkdownPages().Select(RepositoryFiles.Relative).ToList();

        var samples = PagesWithCSharp().Count();

        Assert.Multiple(() =>
        {
            Assert.That(pages, Does.Contain("README.md").And.Contain("docs/index.md").And.Contain("docs/getting-started.md"));
            Assert.That(pages, Does.Contain("src/Partnerize.Client/README.md").And.Contain("src/Partnerize.Client.Testing/README.md"));
            Assert.That(samples, Is.GreaterThanOrEqualTo(8), "pages with C# samples");
        });
    }

    [Test]
    public void CompileFragments_ASampleCallingAMissingMember_ReportsThePageLine()
    {
        var blocks = MarkdownCodeBlocks.Parse("docs/sample.md", """
            # A page

            ```csharp
            var draft = new ConversionDraft { ConversionRef = "ORD-1" };
            ```

            Text.

            ```csharp
            ConversionResult sent = await tracker.TrackAsync(draft, cancellationToken: cancellationToken);
            sent.Resend();
            ```
            """);

        var errors = SampleCompiler.CompileFragments(blocks);

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(errors[0].Id, Is.EqualTo("CS1061"));
            Assert.That(errors[0].PageLine, Is.EqualTo(11));
            Assert.That(errors[0].ToString(), Does.StartWith("docs/sample.md:11: CS1061:").And.Contain("sent.Resend();"));
        });
    }

    [Test]
    public void CompileFragments_LaterFragments_SeeEarlierDeclarationsAndMayDeclareAgain()
    {
        var blocks = MarkdownCodeBlocks.Parse("docs/sample.md", """
            ```csharp
            using Partnerize.Client.Campaigns;

            IReadOnlyList<Campaign> all = await campaigns.ListCampaignsAsync(cancellationToken);
            ```

            ```csharp
            var first = all[0];
            IReadOnlyList<Campaign> all = [first];
            ```
            """);

        Assert.That(SampleCompiler.CompileFragments(blocks), Is.Empty);
    }

    [Test]
    public void CompileFiles_AFileBlock_GetsOnlyTheImplicitUsings()
    {
        var blocks = MarkdownCodeBlocks.Parse("README.md", """
            ```csharp
            // Program.cs
            var draft = new ConversionDraft();
            ```
            """);

        var (_, errors) = SampleCompiler.CompileFiles("Sample", blocks);

        Assert.That(errors.Select(error => error.Id), Does.Contain("CS0246"), "ConversionDraft needs its using directive in a whole file");
    }
}
