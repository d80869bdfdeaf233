namespace Partnerize.Client.Samples.Tests.Compilation;

public class TopLevelUsingDeclarationsTests
{
    [Test]
    public void Rewrite_TopLevelUsingDeclarations_BecomePlainDeclarationsCheckedForDisposability()
    {
        var rewritten = TopLevelUsingDeclarations.Rewrite("""
            await using var connection = Open();
            using Stream a = File.OpenRead("x"), b = File.OpenRead("y");
            if (true)
            {
                await using var inner = Open();
            }
            """);

        Assert.That(rewritten, Is.EqualTo("""
            var connection = Open(); global::System.IAsyncDisposable disposable_connection = connection;
            Stream a = File.OpenRead("x"), b = File.OpenRead("y"); global::System.IDisposable disposable_a = a; global::System.IDisposable disposable_b = b;
            if (true)
            {
                await using var inner = Open();
            }
            """));
    }

    [Test]
    public void Rewrite_NoUsingDeclaration_ReturnsTheFragmentUnchanged()
    {
        const string fragment = "using System.Text;\nusing (var x = Open()) { }\nvar y = 1;";

        Assert.That(TopLevelUsingDeclarations.Rewrite(fragment), Is.SameAs(fragment));
    }
}
