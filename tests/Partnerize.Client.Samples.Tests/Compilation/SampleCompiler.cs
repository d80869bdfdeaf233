using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Partnerize.Client.Samples.Tests.Markdown;

namespace Partnerize.Client.Samples.Tests.Compilation;

/// <summary>
/// Compiles the docs' C# samples with Roslyn against the assemblies this test runs with (Partnerize.Client, the
/// Testing package, the .NET and ASP.NET Core shared frameworks, and the packages the samples mention).
/// </summary>
/// <remarks>
/// Two kinds of block:
/// <list type="bullet">
/// <item>A <b>file</b> starts with a comment naming it (<c>// Program.cs</c>). The files of a page are compiled together
/// as one console app with the SDK's implicit usings and nothing else, exactly as a reader would paste them into
/// <c>dotnet new console</c>.</item>
/// <item>A <b>fragment</b> is everything else. The fragments of a page are compiled in order as a chain of C# script
/// submissions, as the page is read: a fragment sees the variables, types and usings of the fragments above it, may
/// declare a name again, and may use the variables of <see cref="DocsSampleGlobals"/> (<c>services</c>,
/// <c>tracker</c>, <c>cancellationToken</c>...) and the namespaces of <see cref="FragmentImports"/> without
/// declaring them.</item>
/// </list>
/// </remarks>
public static class SampleCompiler
{
    /// <summary>The implicit usings of a console app (Microsoft.NET.Sdk with ImplicitUsings enabled).</summary>
    public static readonly ImmutableArray<string> ConsoleAppUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
        "System.Threading.Tasks",
    ];

    /// <summary>The namespaces a fragment may use without a using directive.</summary>
    public static readonly ImmutableArray<string> FragmentImports =
    [
        .. ConsoleAppUsings,
        "System.Data", "System.Data.Common", "System.Net", "System.Text", "System.Text.Json",
        "Microsoft.AspNetCore.Builder", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Options", "Microsoft.Data.Sqlite", "NUnit.Framework",
        "Partnerize.Client", "Partnerize.Client.Campaigns", "Partnerize.Client.Conversions",
        "Partnerize.Client.Diagnostics", "Partnerize.Client.Mapping", "Partnerize.Client.Serialization",
        "Partnerize.Client.Testing", "Partnerize.Client.Tracking",
    ];

    private static readonly CSharpParseOptions RegularParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Regular);
    private static readonly CSharpParseOptions ScriptParseOptions = RegularParseOptions.WithKind(SourceCodeKind.Script);
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>Compiles a page's fragments in order; returns the errors (empty when every fragment compiles).</summary>
    /// <param name="fragments">The page's fragments, in page order.</param>
    /// <param name="pageFiles">The page's whole files, compiled: fragments may use the types they declare.</param>
    public static IReadOnlyList<SampleError> CompileFragments(IReadOnlyList<CodeBlock> fragments, CSharpCompilation? pageFiles = null)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        var references = pageFiles is null ? LazyReferences.Value : LazyReferences.Value.Add(pageFiles.ToMetadataReference());
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            usings: FragmentImports,
            nullableContextOptions: NullableContextOptions.Enable);
        var errors = new List<SampleError>();
        CSharpCompilation? previous = null;
        for (var i = 0; i < fragments.Count; i++)
        {
            var block = fragments[i];
            var tree = CSharpSyntaxTree.ParseText(TopLevelUsingDeclarations.Rewrite(block.Code), ScriptParseOptions, path: block.Page);
            var submission = CSharpCompilation.CreateScriptCompilation(
                $"Sample{i}", tree, references, options, previous, typeof(object), typeof(DocsSampleGlobals));
            var submissionErrors = Errors(submission.GetDiagnostics(), [block]).ToList();
            errors.AddRange(submissionErrors);

            // Roslyn chains only onto a submission without errors: the next fragment follows the last good one.
            previous = submissionErrors.Count == 0 ? submission : previous;
        }

        return errors;
    }

    /// <summary>Compiles a page's file blocks together as one console app (or library, without top-level code).</summary>
    public static (CSharpCompilation Compilation, IReadOnlyList<SampleError> Errors) CompileFiles(string assemblyName, IReadOnlyList<CodeBlock> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var trees = files.Select(block => CSharpSyntaxTree.ParseText(block.Code, RegularParseOptions, path: block.FileName ?? block.Page)).ToList();
        var hasTopLevelCode = trees.Any(tree => tree.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any());
        var globalUsings = string.Concat(ConsoleAppUsings.Select(name => $"global using global::{name};\n"));
        trees.Add(CSharpSyntaxTree.ParseText(globalUsings, RegularParseOptions, path: "ImplicitUsings.g.cs"));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            LazyReferences.Value,
            new CSharpCompilationOptions(
                hasTopLevelCode ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));
        return (compilation, Errors(compilation.GetDiagnostics(), files).ToList());
    }

    private static IEnumerable<SampleError> Errors(ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<CodeBlock> blocks)
    {
        foreach (var diagnostic in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var location = diagnostic.Location;
            var tree = location.SourceTree;
            var index = tree is null ? -1 : blocks.ToList().FindIndex(b => tree.FilePath == (b.FileName ?? b.Page));
            var block = index < 0 ? blocks[0] : blocks[index];
            var line = location.IsInSource ? location.GetLineSpan().StartLinePosition.Line : 0;
            var sourceLine = tree is null ? "" : tree.GetText().Lines[line].ToString();
            yield return new SampleError(block, block.Line + line, diagnostic.Id, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), sourceLine);
        }
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // Everything the test host can load: the shared frameworks, Partnerize.Client, the Testing package and the
        // packages this project references. The samples compile against what a consumer would have.
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(DocsSampleGlobals).Assembly.Location)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal);
        return [.. paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}
