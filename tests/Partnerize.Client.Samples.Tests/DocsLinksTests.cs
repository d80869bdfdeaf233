using Partnerize.Client.Samples.Tests.Markdown;

namespace Partnerize.Client.Samples.Tests;

/// <summary>Every relative link of README.md, docs/ and the package READMEs leads to a file, and to a heading of it.</summary>
public class DocsLinksTests
{
    public static IEnumerable<TestCaseData> Pages() =>
        RepositoryFiles.MarkdownPages().Select(page => new TestCaseData(RepositoryFiles.Relative(page)).SetArgDisplayNames(RepositoryFiles.Relative(page)));

    [TestCaseSource(nameof(Pages))]
    public void RelativeLinks_OfThePage_LeadToAFileAndHeading(string page)
    {
        var path = Path.Combine(RepositoryFiles.Root, page);
        var broken = new List<string>();
        foreach (var (line, target) in MarkdownLinks.Read(File.ReadAllText(path)))
        {
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var linked = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(file)));
            if (!File.Exists(linked) && !Directory.Exists(linked))
            {
                broken.Add($"{page}:{line}: {target}: no file {RepositoryFiles.Relative(linked)}");
            }
            else if (anchor is not null && linked.EndsWith(".md", StringComparison.Ordinal)
                && !MarkdownLinks.Anchors(File.ReadAllText(linked)).Contains(anchor))
            {
                broken.Add($"{page}:{line}: {target}: no heading #{anchor} in {RepositoryFiles.Relative(linked)}");
            }
        }

        Assert.That(broken, Is.Empty, () => string.Join(Environment.NewLine, broken));
    }

    [Test]
    public void Anchors_Headings_AreNamedAsGitHubNamesThem()
    {
        var anchors = MarkdownLinks.Anchors("""
            # Quick start: five minutes, no account needed
            ## 401 or 403: the keys are refused
            ## The `partnerize` tool
            ## Go live
            ## Go live
            ```sh
            # not a heading
            ```
            """);

        Assert.That(anchors, Is.EquivalentTo(new[]
        {
            "quick-start-five-minutes-no-account-needed", "401-or-403-the-keys-are-refused", "the-partnerize-tool", "go-live", "go-live-1",
        }));
    }

    [Test]
    public void Read_LinksOutsideCode_AreFound()
    {
        var links = MarkdownLinks.Read("See [a](a.md#x) and ![img](i.png).\n`[not](code.md)`\n```\n[no](fence.md)\n```\n[b](../b.md \"title\")");

        Assert.That(links, Is.EqualTo(new[] { (1, "a.md#x"), (6, "../b.md") }));
    }
}
