using System.Text;
using System.Text.RegularExpressions;

namespace Partnerize.Client.Samples.Tests.Markdown;

/// <summary>The links of a Markdown page, and the anchors its headings define (as GitHub names them).</summary>
public static partial class MarkdownLinks
{
    /// <summary>The inline links <c>[text](target)</c> outside code, with their 1-based line.</summary>
    public static IReadOnlyList<(int Line, string Target)> Read(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var links = new List<(int, string)>();
        var lines = WithoutCode(markdown, keepCodeSpans: false);
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in InlineLink().Matches(lines[i]))
            {
                links.Add((i + 1, match.Groups["target"].Value));
            }
        }

        return links;
    }

    /// <summary>The anchors of the page's headings: <c>## Go live</c> is <c>go-live</c>; a repeated heading gets <c>-1</c>, <c>-2</c>...</summary>
    public static IReadOnlySet<string> Anchors(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in WithoutCode(markdown, keepCodeSpans: true))
        {
            var heading = Heading().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var slug = Slug(heading.Groups["text"].Value);
            var unique = slug;
            for (var n = 1; !anchors.Add(unique); n++)
            {
                unique = $"{slug}-{n}";
            }
        }

        return anchors;
    }

    private static string Slug(string heading)
    {
        var text = InlineLink().Replace(heading, match => match.Groups["text"].Value).Trim().ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    // Fenced blocks (and, for links, inline code spans) hold examples, not links or headings: blank them, keeping the
    // line numbers.
    private static string[] WithoutCode(string markdown, bool keepCodeSpans)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
                lines[i] = "";
            }
            else if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }

                lines[i] = "";
            }
            else if (!keepCodeSpans)
            {
                lines[i] = CodeSpan().Replace(lines[i], "");
            }
        }

        return lines;
    }

    [GeneratedRegex(@"(?<!!)\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();
}
