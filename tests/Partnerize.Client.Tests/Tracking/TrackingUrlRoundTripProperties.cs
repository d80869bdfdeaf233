using System.Globalization;
using Partnerize.Client.Conversions;
using Partnerize.Client.Testing;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Tracking;

// FsCheck supplies the arguments of [Property] methods; NUnit's analyzer only knows its own attributes.
#pragma warning disable NUnit1027

/// <summary>
/// Property-based tests of the escaping (wire contract 1.3): whatever text a field holds, the strict parser reads
/// back exactly the trimmed value, and the URL has exactly the parameters and items the conversion has.
/// </summary>
public class TrackingUrlRoundTripProperties
{
    [FsCheck.NUnit.Property(MaxTest = 500, Arbitrary = new[] { typeof(TrackingUrlRoundTripGenerators) }, QuietOnSuccess = true)]
    public void Build_AnyTextInAnyField_ParsesBackToTheSameParametersAndItems(RoundTripCase c)
    {
        var result = ConversionValidator.Default.Validate(c.Draft);
        Assert.That(result.Rejections.Select(r => r.ToString()), Is.Empty, "the generator makes valid drafts only");

        // No length limit here: the property is about escaping, and long generated text must not be cut short.
        var url = new TrackingUrlBuilder(c.BaseAddress, c.CampaignId, maxLength: int.MaxValue).Build(result.Conversion!);
        var parsed = TrackingUrlParser.Parse(url);

        Assert.That(parsed.CampaignId, Is.EqualTo(c.CampaignId.Trim()), "campaign");
        Assert.That(Show(parsed.Parameters), Is.EqualTo(Show(ExpectedBasket(c))), "basket parameters: same keys, same order, same values");
        var expectedItems = ExpectedItems(c.Draft);
        Assert.That(parsed.Items, Has.Count.EqualTo(expectedItems.Count), "item count");
        for (var i = 0; i < expectedItems.Count; i++)
        {
            Assert.That(Show(parsed.Items[i]), Is.EqualTo(Show(expectedItems[i])), $"item {i}");
        }
    }

    [FsCheck.NUnit.Property(MaxTest = 300, Arbitrary = new[] { typeof(TrackingUrlRoundTripGenerators) }, QuietOnSuccess = true)]
    public void Parse_BuiltUrl_ValidatesBackToTheSameConversion(RoundTripCase c)
    {
        var conversion = ConversionValidator.Default.Validate(c.Draft).Conversion!;
        var url = new TrackingUrlBuilder(c.BaseAddress, c.CampaignId, maxLength: int.MaxValue).Build(conversion);

        var back = ConversionValidator.Default.Validate(TrackingUrlParser.Parse(url).ToDraft());

        Assert.That(back.Rejections.Select(r => r.ToString()), Is.Empty);
        Assert.That(Describe(back.Conversion!), Is.EqualTo(Describe(conversion)));
    }

    [FsCheck.NUnit.Property(MaxTest = 300, Arbitrary = new[] { typeof(TrackingUrlRoundTripGenerators) }, QuietOnSuccess = true)]
    public void Validate_LoneSurrogateInAnyTextField_RejectsThatFieldAsTextMalformed(BrokenTextCase c)
    {
        var result = ConversionValidator.Default.Validate(c.Draft);

        Assert.That(result.Rejections.Select(r => (r.Code, r.Field)), Is.EqualTo(new[] { ("text_malformed", c.Field) }));
    }

    private static List<KeyValuePair<string, string>> ExpectedBasket(RoundTripCase c)
    {
        var d = c.Draft;
        var expected = new List<KeyValuePair<string, string>>();
        Add(expected, "conversionref", Trimmed(d.ConversionRef));
        Add(expected, "clickref", Trimmed(d.ClickRef));
        Add(expected, "currency", Trimmed(d.Currency)?.ToUpperInvariant());
        Add(expected, "country", Trimmed(d.Country)?.ToUpperInvariant());
        Add(expected, "customertype", Trimmed(d.CustomerType)?.ToLowerInvariant());
        Add(expected, "voucher", Trimmed(d.Voucher));
        Add(expected, "custref", Trimmed(d.CustomerRef));
        Add(expected, "fulfilment_date", Trimmed(d.FulfilmentDate));
        if (c.ConversionTime is { } time)
        {
            var utc = time.UtcDateTime;
            Add(expected, "conversion_time", utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }

        foreach (var (key, value) in d.CustomParameters ?? [])
        {
            Add(expected, key, Trimmed(value));
        }

        return expected;
    }

    private static List<List<KeyValuePair<string, string>>> ExpectedItems(ConversionDraft d)
    {
        // Contract 1.5: a non-empty array wins; otherwise the single-item fields make the one item.
        var drafts = d.Items is { Count: > 0 } ? d.Items.Select(i => i!).ToList() : [d.Item!];
        var expected = new List<List<KeyValuePair<string, string>>>();
        foreach (var item in drafts)
        {
            var quantity = Trimmed(item.Quantity)!;
            var parameters = new List<KeyValuePair<string, string>>();
            Add(parameters, "category", Trimmed(item.Category));
            Add(parameters, "sku", Trimmed(item.Sku));
            Add(parameters, "value", Trimmed(item.Value));
            Add(parameters, "quantity", quantity.EndsWith(".00", StringComparison.Ordinal) ? quantity[..^3] : quantity);
            foreach (var (key, value) in item.CustomParameters ?? [])
            {
                Add(parameters, key, Trimmed(value));
            }

            expected.Add(parameters);
        }

        return expected;
    }

    private static void Add(List<KeyValuePair<string, string>> parameters, string key, string? value)
    {
        if (value is not null)
        {
            parameters.Add(new KeyValuePair<string, string>(key, value));
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Show(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("/", parameters.Select(p => p.Key + ":" + RoundTripCase.Show(p.Value)));

    private static string Describe(Conversion c) =>
        string.Join(
            " | ",
            RoundTripCase.Show(c.ConversionRef), RoundTripCase.Show(c.ClickRef), c.Currency, c.Country, c.CustomerType,
            RoundTripCase.Show(c.Voucher), RoundTripCase.Show(c.CustomerRef), c.FulfilmentDate?.ToString("O", CultureInfo.InvariantCulture),
            c.ConversionTime?.ToString("O", CultureInfo.InvariantCulture), Custom(c.CustomParameters),
            string.Join(" + ", c.Items.Select(i => string.Join(
                " ; ", RoundTripCase.Show(i.Category), i.Quantity.ToString(CultureInfo.InvariantCulture),
                i.Value?.ToString(CultureInfo.InvariantCulture), RoundTripCase.Show(i.Sku), Custom(i.CustomParameters)))));

    private static string Custom(IReadOnlyList<CustomParameter> parameters) =>
        string.Join(",", parameters.Select(p => p.Key + "=" + RoundTripCase.Show(p.Value)));
}
