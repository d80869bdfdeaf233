using Partnerize.Client.Conversions;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Conversions;

/// <summary>
/// <see cref="ConversionBuilder.Clear"/> makes a builder serve the next row of a loop: nothing of the row before may
/// survive it, whichever way each value was set.
/// </summary>
public class ConversionBuilderClearTests
{
    private static readonly TrackingUrlBuilder Urls = new(new Uri("https://prf.hn/"), "10l176");

    /// <summary>Every way of setting each value, to be forgotten by Clear.</summary>
    public static IEnumerable<TestCaseData> EverySetter()
    {
        yield return Setter("ConversionRef", b => b.ConversionRef("OLD-1"));
        yield return Setter("ClickRef", b => b.ClickRef("old-click"));
        yield return Setter("ItemCategory", b => b.ItemCategory("old-category"));
        yield return Setter("ItemQuantity(int)", b => b.ItemQuantity(7));
        yield return Setter("ItemQuantity(string)", b => b.ItemQuantity("7"));
        yield return Setter("ItemValue(decimal)", b => b.ItemValue(9.99m));
        yield return Setter("ItemValue(string)", b => b.ItemValue("9.99"));
        yield return Setter("ItemSku", b => b.ItemSku("OLD-SKU"));
        yield return Setter("Item", b => b.Item(new ConversionItemDraft { Category = "old", Quantity = "1", CustomParameters = [new("old_key", "x")] }));
        yield return Setter("AddItem(typed)", b => b.AddItem("old", 2, 3.5m, "OLD-SKU"));
        yield return Setter("AddItem(draft)", b => b.AddItem(new ConversionItemDraft { Category = "old", Quantity = "1" }));
        yield return Setter("AddItem(null)", b => b.AddItem(null));
        yield return Setter("Items", b => b.Items([ConversionItemDraft.Create("old", 1)]));
        yield return Setter("Items(empty)", b => b.Items([]));
        yield return Setter("Currency", b => b.Currency("EUR"));
        yield return Setter("Country", b => b.Country("DE"));
        yield return Setter("CustomerType(enum)", b => b.CustomerType(CustomerType.Existing));
        yield return Setter("CustomerType(string)", b => b.CustomerType("existing"));
        yield return Setter("Voucher", b => b.Voucher("OLD10"));
        yield return Setter("CustomerRef", b => b.CustomerRef("old-customer"));
        yield return Setter("FulfilmentDate(DateOnly)", b => b.FulfilmentDate(new DateOnly(2020, 1, 2)));
        yield return Setter("FulfilmentDate(string)", b => b.FulfilmentDate("2020-01-02"));
        yield return Setter("ConversionTime(DateTimeOffset)", b => b.ConversionTime(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        yield return Setter("ConversionTime(string)", b => b.ConversionTime("2020-01-02T03:04:05Z"));
        yield return Setter("Custom", b => b.Custom("old_key", "old"));
    }

    [TestCaseSource(nameof(EverySetter))]
    public void Clear_AfterASetter_BuilderIsLikeANewOne(Action<ConversionBuilder> set)
    {
        var builder = new ConversionBuilder();
        set(builder);

        builder.Clear();

        Assert.Multiple(() =>
        {
            Assert.That(builder.ToDraft(), Is.EqualTo(new ConversionBuilder().ToDraft()));
            Assert.That(Rejections(builder), Is.EqualTo(Rejections(new ConversionBuilder())));
        });
    }

    [TestCaseSource(nameof(EverySetter))]
    public void Clear_ThenTheNextRow_NothingOfThePreviousRowLeaks(Action<ConversionBuilder> set)
    {
        var reused = new ConversionBuilder();
        set(reused);
        Next(reused.Clear());
        var fresh = Next(new ConversionBuilder());

        Assert.Multiple(() =>
        {
            Assert.That(Urls.Build(reused), Is.EqualTo(Urls.Build(fresh)), "one-pass URL");
            Assert.That(Urls.Build(reused.Build()), Is.EqualTo(Urls.Build(fresh.Build())), "model URL");
            Assert.That(reused.ToDraft().Items, Is.EqualTo(fresh.ToDraft().Items), "items");
        });
    }

    [Test]
    public void Clear_DraftWithMappingRejections_RowIsNoLongerRejected()
    {
        var draft = new ConversionDraft
        {
            ConversionRef = "ORD-1",
            ClickRef = "clk",
            Item = new ConversionItemDraft { Category = "shoes", Quantity = "1" },
            MappingRejections = [new ConversionRejection(RejectionCodes.ValueUnreadable, "currency", "unreadable", Column: "cur")],
            SourceColumns = new Dictionary<string, string> { ["currency"] = "cur" },
        };
        var builder = ConversionBuilder.From(draft);
        Assert.That(builder.TryBuild(out _, out _), Is.False, "the mapping rejection holds before Clear");

        Next(builder.Clear()).Currency("bad!");

        Assert.Multiple(() =>
        {
            Assert.That(builder.ToDraft().MappingRejections, Is.Null);
            Assert.That(builder.ToDraft().SourceColumns, Is.Null);
            Assert.That(Rejections(builder), Is.EqualTo(new[] { "currency_invalid currency  " }), "no column named any more");
        });
    }

    [Test]
    public void Clear_BuilderWithOwnValidator_KeepsTheValidator()
    {
        var validator = new CountingValidator();
        var builder = new ConversionBuilder(validator);
        Next(builder);

        builder.Clear();
        Next(builder).Validate();

        Assert.That(validator.Calls, Is.EqualTo(1));
    }

    [Test]
    public void Clear_ReturnsTheSameBuilder()
    {
        var builder = new ConversionBuilder();

        Assert.That(builder.Clear(), Is.SameAs(builder));
    }

    [Test]
    public void Clear_ThenNothingSet_DraftHasNoListsRatherThanEmptyOnes()
    {
        var builder = new ConversionBuilder().AddItem("a", 1).Custom("k", "v").Items([]);

        var draft = builder.Clear().ToDraft();

        Assert.Multiple(() =>
        {
            Assert.That(draft.Items, Is.Null);
            Assert.That(draft.CustomParameters, Is.Null);
        });
    }

    [Test]
    public void Clear_ManyRowsOnOneBuilder_EachRowGivesTheUrlOfANewBuilder()
    {
        var reused = new ConversionBuilder();
        for (var row = 0; row < 50; row++)
        {
            var expected = Urls.Build(Row(new ConversionBuilder(), row).Build());

            var url = Urls.Build(Row(reused.Clear(), row));

            Assert.That(url, Is.EqualTo(expected), $"row {row}");
        }
    }

    /// <summary>A row with a varying number of items, custom parameters and optional fields.</summary>
    private static ConversionBuilder Row(ConversionBuilder builder, int row)
    {
        builder.ConversionRef($"ORD-{row}").ClickRef("clk");
        if (row % 2 == 0)
        {
            builder.Currency("gbp").Voucher($"V{row}");
        }

        if (row % 3 == 0)
        {
            builder.FulfilmentDate(new DateOnly(2024, 1, 1).AddDays(row)).Custom("store_id", $"S{row}");
        }

        for (var i = 0; i < row % 4; i++)
        {
            builder.AddItem($"cat{i}", i + 1, i * 1.5m, i % 2 == 0 ? $"SKU-{i}" : null);
        }

        if (row % 4 == 0)
        {
            builder.ItemCategory("single").ItemQuantity(row + 1);
        }

        return builder;
    }

    /// <summary>The next row: only the required fields and one item, so that any leftover value would show.</summary>
    private static ConversionBuilder Next(ConversionBuilder builder) =>
        builder.ConversionRef("NEW-1").ClickRef("new-click").AddItem("new", 1);

    private static string[] Rejections(ConversionBuilder builder) =>
        [.. builder.Validate().Rejections.Select(r => $"{r.Code} {r.Field} {r.ItemIndex} {r.Column}")];

    private static TestCaseData Setter(string name, Action<ConversionBuilder> set) =>
        new TestCaseData(set).SetArgDisplayNames(name);

    private sealed class CountingValidator : IConversionValidator
    {
        public int Calls { get; private set; }

        public ConversionValidationResult Validate(ConversionDraft draft)
        {
            Calls++;
            return ConversionValidator.Default.Validate(draft);
        }
    }
}
