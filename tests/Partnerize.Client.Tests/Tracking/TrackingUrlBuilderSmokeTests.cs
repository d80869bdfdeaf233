using Partnerize.Client.Conversions;
using Partnerize.Client.Testing;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Tracking;

public class TrackingUrlBuilderSmokeTests
{
    [Test]
    public void Build_TypicalConversion_MatchesHandWrittenUrl()
    {
        var conversion = new ConversionBuilder()
            .ConversionRef(" ORD-1001 ")
            .ClickRef("1011l4pkbcD")
            .Currency("gbp")
            .Voucher("X/commission:999")
            .AddItem("shoes", 2, 42.50m, "SKU 1")
            .Custom("check_in_date", "2024-06-01")
            .Build();

        var url = new TrackingUrlBuilder(new Uri("https://prf.hn"), "10l176").Build(conversion);

        Assert.That(url, Is.EqualTo(
            "https://prf.hn/conversion/tracking_mode:api/campaign:10l176/conversionref:ORD-1001/clickref:1011l4pkbcD" +
            "/currency:GBP/voucher:X%2Fcommission%3A999/check_in_date:2024-06-01/[category:shoes/sku:SKU%201/value:42.50/quantity:2]"));
    }

    [Test]
    public void Parse_BuiltUrl_GivesBackTheConversion()
    {
        var conversion = new ConversionBuilder()
            .ConversionRef("A][category:free")
            .ClickRef("cLiCk")
            .AddItem("ü/:[]%?#&+ x", 3)
            .AddItem("b", 1, 0m)
            .Build();

        var parsed = TrackingUrlParser.Parse(new TrackingUrlBuilder(new Uri("https://prf.hn/"), "10l176").Build(conversion));
        var back = ConversionValidator.Default.Validate(parsed.ToDraft()).Conversion!;

        Assert.Multiple(() =>
        {
            Assert.That(parsed.CampaignId, Is.EqualTo("10l176"));
            Assert.That(back.ConversionRef, Is.EqualTo(conversion.ConversionRef));
            Assert.That(back.Items, Has.Count.EqualTo(2));
            Assert.That(back.Items[0].Category, Is.EqualTo("ü/:[]%?#&+ x"));
            Assert.That(back.Items[1].Value, Is.EqualTo(0m));
        });
    }
}
