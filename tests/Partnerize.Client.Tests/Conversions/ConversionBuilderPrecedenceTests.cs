using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tests.Conversions;

/// <summary>
/// Wire contract 1.5: a mapped, non-empty items array wins over the single-item fields; an empty or null array,
/// or none at all, falls back to them. Every combination of array state and single-item state is checked.
/// </summary>
public class ConversionBuilderPrecedenceTests
{
    public enum ArrayState
    {
        NonEmpty,
        Empty,
        Null,
        Unmapped,
    }

    public enum SingleState
    {
        Present,
        Partial,
        Absent,
    }

    /// <summary>What the table expects: the item categories and quantities kept, or the one rejection.</summary>
    public sealed record Outcome(string[]? Items, (string Code, string Field, string Message, int? ItemIndex)? Rejection)
    {
        public static Outcome ArrayItems { get; } = new(["array-a x2", "array-b x1"], null);

        public static Outcome SingleItem { get; } = new(["single x3"], null);

        public static Outcome SingleMissingQuantity { get; } = new(null, Rejections.Expect(
            "item_field_missing", "item.quantity", "Conversion item is missing required field(s): quantity", 0));

        public static Outcome NoItems { get; } = new(null, Rejections.Expect(
            "items_missing", "items", "Each conversion must include at least one item with a category and quantity."));
    }

    public static IEnumerable<TestCaseData> Table()
    {
        // The array wins whatever the single-item fields hold, even when they alone would be rejected.
        yield return Row(ArrayState.NonEmpty, SingleState.Present, Outcome.ArrayItems);
        yield return Row(ArrayState.NonEmpty, SingleState.Partial, Outcome.ArrayItems);
        yield return Row(ArrayState.NonEmpty, SingleState.Absent, Outcome.ArrayItems);

        foreach (var array in new[] { ArrayState.Empty, ArrayState.Null, ArrayState.Unmapped })
        {
            yield return Row(array, SingleState.Present, Outcome.SingleItem);
            yield return Row(array, SingleState.Partial, Outcome.SingleMissingQuantity);
            yield return Row(array, SingleState.Absent, Outcome.NoItems);
        }
    }

    [TestCaseSource(nameof(Table))]
    public void Validate_ArrayStateAndSingleItemState_FollowsThePrecedenceRule(ArrayState array, SingleState single, Outcome expected)
    {
        var builder = new ConversionBuilder().ConversionRef("ORD-1").ClickRef("click-1");
        Apply(builder, single);
        Apply(builder, array);

        var result = builder.Validate();

        Assert.Multiple(() =>
        {
            if (expected.Items is not null)
            {
                Assert.That(result.Rejections, Is.Empty);
                Assert.That(result.Conversion?.Items.Select(i => $"{i.Category} x{i.Quantity}"), Is.EqualTo(expected.Items));
            }
            else
            {
                Assert.That(result.IsValid, Is.False);
                Assert.That(result.Rejections.Shape(), Is.EqualTo(new[] { expected.Rejection!.Value }));
            }
        });
    }

    [Test]
    public void Validate_NonEmptyArray_IgnoresEverySingleItemField()
    {
        var conversion = new ConversionBuilder()
            .ConversionRef("ORD-1")
            .ClickRef("click-1")
            .ItemCategory("single")
            .ItemQuantity("not a number")
            .ItemValue("-5")
            .ItemSku("S-1")
            .AddItem("array", 1)
            .Build();

        var item = conversion.Items.Single();
        Assert.Multiple(() =>
        {
            Assert.That(item.Category, Is.EqualTo("array"));
            Assert.That(item.Sku, Is.Null);
            Assert.That(item.Value, Is.Null);
        });
    }

    [Test]
    public void Validate_ArrayOfOnlyBlankEntries_IsStillTheArrayAndReportsTheEntry()
    {
        // A non-empty array takes precedence even when its entries are blank: the entry is reported, not skipped.
        var result = new ConversionBuilder()
            .ConversionRef("ORD-1")
            .ClickRef("click-1")
            .ItemCategory("single")
            .ItemQuantity(1)
            .AddItem(new ConversionItemDraft { Category = " ", Quantity = "" })
            .Validate();

        Assert.That(result.Rejections.Shape(), Is.EqualTo(new[]
        {
            Rejections.Expect("item_field_missing", "items[0]", "Conversion item is missing required field(s): category, quantity", 0),
        }));
    }

    private static TestCaseData Row(ArrayState array, SingleState single, Outcome outcome) =>
        new TestCaseData(array, single, outcome).SetArgDisplayNames(array.ToString(), single.ToString());

    private static void Apply(ConversionBuilder builder, SingleState single)
    {
        switch (single)
        {
            case SingleState.Present:
                builder.ItemCategory("single").ItemQuantity(3).ItemValue(9.99m).ItemSku("S-1");
                break;
            case SingleState.Partial:
                builder.ItemCategory("single").ItemSku("S-1");
                break;
            case SingleState.Absent:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(single), single, null);
        }
    }

    private static void Apply(ConversionBuilder builder, ArrayState array)
    {
        switch (array)
        {
            case ArrayState.NonEmpty:
                builder.AddItem("array-a", 2).AddItem("array-b", 1, 5m);
                break;
            case ArrayState.Empty:
                builder.Items([]);
                break;
            case ArrayState.Null:
                builder.Items(null);
                break;
            case ArrayState.Unmapped:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(array), array, null);
        }
    }
}
