namespace Partnerize.Client.Samples.Tests;

/// <summary>Finds the repository's files from the test's output folder.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding Partnerize.Client.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The Markdown pages whose C# samples must compile: README.md, docs/ and each package's README.</summary>
    public static IReadOnlyList<string> MarkdownPages()
    {
        var pages = new List<string> { Path.Combine(Root, "README.md") };
        pages.AddRange(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        pages.AddRange(Directory.EnumerateDirectories(Path.Combine(Root, "src"))
            .Select(project => Path.Combine(project, "README.md"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal));
        return pages;
    }

    /// <summary>A path relative to the repository root, with forward slashes, for messages and test names.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Partnerize.Client.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Partnerize.Client.sln above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
