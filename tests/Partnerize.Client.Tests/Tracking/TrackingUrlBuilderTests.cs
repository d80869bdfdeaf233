using Partnerize.Client.Conversions;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Tracking;

public class TrackingUrlBuilderTests
{
    // Counted by hand: "https://prf.hn" (14) + "/conversion/" (12) + "tracking_mode:api/" (18) + "campaign:10l176" (15)
    // + "/conversionref:r" (16) + "/clickref:c" (11) + "/voucher:" (9) + "/[category:a/quantity:1]" (24) = 119.
    private const int LengthWithoutVoucherText = 119;

    private static readonly Uri PrfHost = new("https://prf.hn/");

    [Test]
    public void Constructor_Defaults_MaxLengthIs8000()
    {
        var builder = new TrackingUrlBuilder(PrfHost, "10l176");

        Assert.Multiple(() =>
        {
            Assert.That(TrackingUrlBuilder.DefaultMaxLength, Is.EqualTo(8000));
            Assert.That(builder.MaxLength, Is.EqualTo(8000));
            Assert.That(builder.CampaignId, Is.EqualTo("10l176"));
            Assert.That(builder.BaseAddress, Is.EqualTo(PrfHost));
        });
    }

    [Test]
    public void TryBuild_UrlOfExactlyTheDefaultMaximum_IsAccepted()
    {
        var conversion = WithVoucherOf(8000 - LengthWithoutVoucherText);

        var built = new TrackingUrlBuilder(PrfHost, "10l176").TryBuild(conversion, out var url, out var rejection);

        Assert.Multiple(() =>
        {
            Assert.That(built, Is.True);
            Assert.That(rejection, Is.Null);
            Assert.That(url, Has.Length.EqualTo(8000));
        });
    }

    [Test]
    public void TryBuild_UrlOneOverTheDefaultMaximum_RejectsAsUrlTooLong()
    {
        var conversion = WithVoucherOf(8001 - LengthWithoutVoucherText);

        var built = new TrackingUrlBuilder(PrfHost, "10l176").TryBuild(conversion, out var url, out var rejection);

        Assert.Multiple(() =>
        {
            Assert.That(built, Is.False);
            Assert.That(url, Is.Null);
            Assert.That(rejection?.Code, Is.EqualTo("url_too_long"));
            Assert.That(rejection?.Field, Is.EqualTo("url"));
            Assert.That(rejection?.ItemIndex, Is.Null);
            Assert.That(rejection?.Message, Is.EqualTo(
                "The tracking URL would be 8,001 characters long, over the maximum of 8,000 (PartnerizeOptions.MaxUrlLength); " +
                "shorten the longest fields or split the items over several conversions."));
        });
    }

    [Test]
    public void TryBuild_ConfiguredMaximum_IsTheLimit()
    {
        var builder = new TrackingUrlBuilder(PrfHost, "10l176", maxLength: 200);

        var fits = builder.TryBuild(WithVoucherOf(200 - LengthWithoutVoucherText), out var url, out _);
        var over = builder.TryBuild(WithVoucherOf(201 - LengthWithoutVoucherText), out _, out var rejection);

        Assert.Multiple(() =>
        {
            Assert.That(builder.MaxLength, Is.EqualTo(200));
            Assert.That(fits, Is.True);
            Assert.That(url, Has.Length.EqualTo(200));
            Assert.That(over, Is.False);
            Assert.That(rejection?.Code, Is.EqualTo("url_too_long"));
            Assert.That(rejection?.Message, Does.Contain("201").And.Contain("200"));
        });
    }

    [Test]
    public void TryBuild_LengthIsCountedAfterEscaping()
    {
        // 100 "/" are 100 characters of data but 300 on the wire.
        var conversion = new ConversionBuilder().ConversionRef("r").ClickRef("c").Voucher(new string('/', 100)).AddItem("a", 1).Build();

        var built = new TrackingUrlBuilder(PrfHost, "10l176", maxLength: LengthWithoutVoucherText + 299).TryBuild(conversion, out _, out var rejection);

        Assert.Multiple(() =>
        {
            Assert.That(built, Is.False);
            Assert.That(rejection?.Message, Does.StartWith("The tracking URL would be 419 characters long, over the maximum of 418 "));
        });
    }

    [Test]
    public void Build_TooLong_ThrowsConversionRejectedExceptionCarryingTheRejection()
    {
        var builder = new TrackingUrlBuilder(PrfHost, "10l176", maxLength: 150);

        var exception = Assert.Throws<ConversionRejectedException>(() => builder.Build(WithVoucherOf(100)));

        Assert.That(exception.Rejections.Select(r => (r.Code, r.Field)), Is.EqualTo(new[] { ("url_too_long", "url") }));
    }

    [Test]
    public void Build_NullConversion_Throws()
    {
        var builder = new TrackingUrlBuilder(PrfHost, "10l176");

        Assert.Throws<ArgumentNullException>(() => builder.Build((Conversion)null!));
    }

    [Test]
    public void Build_NullConversionBuilder_Throws()
    {
        var builder = new TrackingUrlBuilder(PrfHost, "10l176");

        Assert.Throws<ArgumentNullException>(() => builder.Build((ConversionBuilder)null!));
    }

    [TestCase("ftp://prf.hn/")]
    [TestCase("file:///tmp/x")]
    [TestCase("https://prf.hn/?a=b")]
    [TestCase("https://prf.hn/#top")]
    public void Constructor_UnusableBaseAddress_ThrowsNamingIt(string address)
    {
        var exception = Assert.Throws<ArgumentException>(() => _ = new TrackingUrlBuilder(new Uri(address), "10l176"));

        Assert.Multiple(() =>
        {
            Assert.That(exception.ParamName, Is.EqualTo("trackingBaseAddress"));
            Assert.That(exception.Message, Does.Contain(new Uri(address).ToString()));
        });
    }

    [Test]
    public void Constructor_BaseAddressWithCredentials_ThrowsWithoutEchoingThem()
    {
        var exception = Assert.Throws<ArgumentException>(() => _ = new TrackingUrlBuilder(new Uri("https://user:canary-secret-9f3b@prf.hn/"), "10l176"));

        Assert.Multiple(() =>
        {
            Assert.That(exception.ParamName, Is.EqualTo("trackingBaseAddress"));
            Assert.That(exception.Message, Does.Not.Contain("canary-secret-9f3b"));
        });
    }

    [Test]
    public void Constructor_RelativeBaseAddress_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => _ = new TrackingUrlBuilder(new Uri("/conversion", UriKind.Relative), "10l176"));

        Assert.That(exception.ParamName, Is.EqualTo("trackingBaseAddress"));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Constructor_EmptyCampaignId_Throws(string campaignId)
    {
        var exception = Assert.Throws<ArgumentException>(() => _ = new TrackingUrlBuilder(PrfHost, campaignId));

        Assert.That(exception.ParamName, Is.EqualTo("campaignId"));
    }

    [TestCase(0)]
    [TestCase(99)]
    public void Constructor_NonsensicalMaximum_Throws(int maxLength)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TrackingUrlBuilder(PrfHost, "10l176", maxLength));

        Assert.That(exception.ParamName, Is.EqualTo("maxLength"));
    }

    private static Conversion WithVoucherOf(int length) =>
        new ConversionBuilder().ConversionRef("r").ClickRef("c").Voucher(new string('v', length)).AddItem("a", 1).Build();
}
