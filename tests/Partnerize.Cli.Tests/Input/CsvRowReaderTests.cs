using Partnerize.Cli.Input;

namespace Partnerize.Cli.Tests.Input;

/// <summary>The delimiter is decided by the header line alone.</summary>
public class CsvRowReaderTests
{
    [TestCase("order_id,click_ref,qty\n1;2;3\n", ',')]
    [TestCase("order_id;click_ref;qty\n1;2,50;3,5\n4;5,1;6,2\n", ';')]
    [TestCase("order_id\tclick_ref\tqty\n", '\t')]
    [TestCase("order_id|click_ref|qty\r\n", '|')]
    [TestCase("\"order;id\",\"click;ref\",qty\n", ',')]
    [TestCase("order_id\n", ',')]
    [TestCase("order_id;click_ref,qty;sku\n", ';')]
    public void DetectFromHeaderLine_Text_CountsTheCandidatesOfTheFirstLineOutsideQuotes(string text, char expected)
    {
        Assert.That(CsvRowReader.DetectFromHeaderLine(text), Is.EqualTo(expected));
    }

    [Test]
    public async Task Send_SemicolonFileWhoseDataHoldsMoreCommasThanSemicolons_IsReadBySemicolon()
    {
        using var folder = new TempFolder();
        var input = folder.File("orders.csv", "order_id;click_ref;category;qty\nA-1;ck1;\"a,b,c,d,e,f,g,h\";1\nA-2;ck2;\"i,j,k,l,m,n,o\";2\n");
        var mapping = folder.File("mapping.json", """{"conversionRef":"order_id","clickRef":"click_ref","item":{"category":"category","quantity":"qty"}}""");

        var run = await CliRun.RunAsync("send", "-i", input, "-m", mapping, "-c", "10l176", "--dry-run", "-o", "jsonl");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            Assert.That(run.OutLines, Has.Length.EqualTo(2));
            Assert.That(run.OutLines[0], Does.Contain("/[category:a%2Cb%2Cc%2Cd%2Ce%2Cf%2Cg%2Ch/quantity:1]"));
        });
    }
}
