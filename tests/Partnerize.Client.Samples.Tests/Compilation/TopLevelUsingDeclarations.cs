using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Partnerize.Client.Samples.Tests.Compilation;

/// <summary>
/// C# scripts cannot hold a using declaration at their top level (<c>await using var reader = ...;</c>), which docs
/// fragments often do. For compiling, each becomes a plain declaration followed, on the same line, by a conversion
/// of the variable to <see cref="IAsyncDisposable"/> (or <see cref="IDisposable"/>), so the type is still checked to
/// be disposable, and line numbers stay as in the page. The
/// declarations are found by parsing the fragment as top-level statements of a program, where they are valid.
/// </summary>
public static class TopLevelUsingDeclarations
{
    /// <summary>The fragment with its top-level using declarations rewritten (the same text when it has none).</summary>
    public static string Rewrite(string fragment)
    {
        var program = CSharpSyntaxTree.ParseText(fragment, new CSharpParseOptions(LanguageVersion.Latest));
        var declarations = program.GetRoot().ChildNodes()
            .OfType<GlobalStatementSyntax>()
            .Select(statement => statement.Statement)
            .OfType<LocalDeclarationStatementSyntax>()
            .Where(declaration => !declaration.UsingKeyword.IsKind(SyntaxKind.None))
            .ToList();
        if (declarations.Count == 0)
        {
            return fragment;
        }

        var text = program.GetText();
        var changes = new List<TextChange>();
        foreach (var declaration in declarations)
        {
            var isAsync = !declaration.AwaitKeyword.IsKind(SyntaxKind.None);
            var prefixEnd = declaration.UsingKeyword.Span.End;
            var prefixStart = isAsync ? declaration.AwaitKeyword.SpanStart : declaration.UsingKeyword.SpanStart;
            changes.Add(new TextChange(TextSpan.FromBounds(prefixStart, prefixEnd + 1), ""));
            // An implicit conversion, so a type that is not (async) disposable still fails to compile.
            var disposable = isAsync ? "global::System.IAsyncDisposable" : "global::System.IDisposable";
            var disposals = declaration.Declaration.Variables.Select(variable =>
                $" {disposable} disposable_{variable.Identifier.ValueText} = {variable.Identifier.Text};");
            changes.Add(new TextChange(new TextSpan(declaration.SemicolonToken.Span.End, 0), string.Concat(disposals)));
        }

        return text.WithChanges(changes).ToString();
    }
}
