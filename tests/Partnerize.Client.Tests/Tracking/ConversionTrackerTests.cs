using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Partnerize.Client.Conversions;
using Partnerize.Client.Testing;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Tracking;

public class ConversionTrackerTests
{
    [Test]
    public async Task TrackAsync_ValidDraft_IsSentOnceWithTheUrlBuilt()
    {
        var fake = new FakePartnerize();
        await using var services = TrackerHarness.Create(fake);
        var draft = TrackerHarness.Draft(1);

        var result = await services.Tracker().TrackAsync(draft);

        var expectedUrl = new TrackingUrlBuilder(PartnerizeOptions.DefaultTrackingBaseAddress, TrackerHarness.CampaignId)
            .Build(ConversionValidator.Default.Validate(draft).Conversion!);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Sent));
            Assert.That(result.IsSent, Is.True);
            Assert.That(result.Index, Is.Zero);
            Assert.That(result.CampaignId, Is.EqualTo(TrackerHarness.CampaignId));
            Assert.That(result.ConversionRef, Is.EqualTo("ORD-1"));
            Assert.That(result.Url, Is.EqualTo(expectedUrl));
            Assert.That(result.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(result.ResponseBody, Is.EqualTo("fake-conversion-1"));
            Assert.That(result.Attempts, Is.EqualTo(1));
            Assert.That(result.FailureReason, Is.Null);
            Assert.That(result.Rejections, Is.Empty);
            Assert.That(fake.Conversions.Select(c => c.ConversionRef), Is.EqualTo(new[] { "ORD-1" }));
            Assert.That(fake.Conversions[0].CampaignId, Is.EqualTo(TrackerHarness.CampaignId));
        });
    }

    [Test]
    public async Task TrackAsync_Conversion_IsSent()
    {
        var fake = new FakePartnerize();
        await using var services = TrackerHarness.Create(fake);
        var conversion = new ConversionBuilder().ConversionRef("ORD-9").ClickRef("cLiCk").AddItem("bags", 2).Build();

        var result = await services.Tracker().TrackAsync(conversion, campaignId: "other1");

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Sent));
            Assert.That(result.CampaignId, Is.EqualTo("other1"));
            Assert.That(fake.Conversions.Single().CampaignId, Is.EqualTo("other1"));
            Assert.That(fake.Conversions.Single().Conversion.ClickRef, Is.EqualTo("cLiCk"));
        });
    }

    [Test]
    public async Task TrackAsync_InvalidDraft_IsRejectedAndNeverSent()
    {
        var fake = new FakePartnerize();
        await using var services = TrackerHarness.Create(fake);

        var result = await services.Tracker().TrackAsync(new ConversionDraft { ConversionRef = " ORD-2 ", Currency = "pounds" });

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Rejected));
            Assert.That(result.ConversionRef, Is.EqualTo("ORD-2"));
            Assert.That(result.Attempts, Is.Zero);
            Assert.That(result.Url, Is.Null);
            Assert.That(result.Rejections.Select(r => r.Code), Is.EquivalentTo(new[]
            {
                RejectionCodes.ClickRefMissing, RejectionCodes.ItemsMissing, RejectionCodes.CurrencyInvalid,
            }));
            Assert.That(result.FailureReason, Does.StartWith("Rejected before sending: ")
                .And.Contain("A click reference is required to attribute a Partnerize conversion."));
            Assert.That(fake.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task TrackAsync_ValidatorRegisteredByTheApplication_IsTheOneUsed()
    {
        var fake = new FakePartnerize();
        var services = new ServiceCollection();
        services.AddSingleton<IConversionValidator>(new NoVouchersValidator());
        services.AddPartnerize(options => options.CampaignId = "10l176").UseFakePartnerize(fake);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.Tracker().TrackAsync(TrackerHarness.Draft(1) with { Voucher = "SAVE10" });

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Rejected));
            Assert.That(result.Rejections.Single().Code, Is.EqualTo("house_rule"));
            Assert.That(fake.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task TrackAsync_ValidatorRegisteredByTheApplication_ItsConversionIsWhatIsSent()
    {
        var fake = new FakePartnerize();
        var services = new ServiceCollection();
        services.AddSingleton<IConversionValidator>(new VoucherDroppingValidator());
        services.AddPartnerize(options => options.CampaignId = "10l176").UseFakePartnerize(fake);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.Tracker().TrackAsync(TrackerHarness.Draft(1) with { Voucher = "SAVE10" });

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Sent));
            Assert.That(result.Url, Does.Not.Contain("voucher"));
            Assert.That(fake.Conversions.Single().Conversion.Voucher, Is.Null);
        });
    }

    [Test]
    public async Task TrackManyAsync_Drafts_SendTheUrlsAndRejectionsOfTheValidatedModel()
    {
        // The tracker validates drafts while writing their URLs; what it sends and rejects must be exactly what
        // validating into the model and building its URL gives.
        var fake = new FakePartnerize();
        await using var services = TrackerHarness.Create(fake, options => options.MaxUrlLength = 400);
        ConversionDraft[] drafts =
        [
            TrackerHarness.Draft(1),
            TrackerHarness.Draft(2) with { Voucher = " 10% off/[summer] & more ", Currency = "gbp", Country = "gb" },
            TrackerHarness.Draft(3) with { Items = [new ConversionItemDraft { Category = "hats", Quantity = "2", Value = "4.50", Sku = "H/1" }] },
            TrackerHarness.Draft(4) with { CustomParameters = [new CustomParameter("store_id", "Zürich 4"), new CustomParameter("empty", " ")] },
            TrackerHarness.Draft(5) with { Currency = "pounds", ClickRef = " " },
            TrackerHarness.Draft(6) with { CustomerRef = new string('c', 400) },
            TrackerHarness.Draft(7) with { MappingRejections = [new ConversionRejection("mapping_type", "currency", "Column 'ccy' held a date.")] },
            TrackerHarness.Draft(8) with { ConversionRef = " ORD-8\t", ClickRef = " click-8 " },
        ];
        var urls = new TrackingUrlBuilder(PartnerizeOptions.DefaultTrackingBaseAddress, TrackerHarness.CampaignId, maxLength: 400);

        var results = await services.Tracker().TrackManyAsync(drafts).ToListAsync();

        Assert.That(results, Has.Count.EqualTo(drafts.Length));
        Assert.Multiple(() =>
        {
            for (var i = 0; i < drafts.Length; i++)
            {
                var validation = ConversionValidator.Default.Validate(drafts[i]);
                IReadOnlyList<ConversionRejection> expectedRejections = validation.Rejections;
                string? expectedUrl = null;
                if (validation.IsValid && !urls.TryBuild(validation.Conversion, out expectedUrl, out var tooLong))
                {
                    expectedRejections = [tooLong];
                }

                Assert.That(results[i].Url, Is.EqualTo(expectedUrl), $"row {i}");
                Assert.That(results[i].ConversionRef, Is.EqualTo(drafts[i].ConversionRef?.Trim()), $"row {i}");
                Assert.That(results[i].Rejections, Is.EqualTo(expectedRejections), $"row {i}");
                Assert.That(results[i].Outcome, Is.EqualTo(expectedUrl is null ? ConversionOutcome.Rejected : ConversionOutcome.Sent), $"row {i}");
            }

            Assert.That(fake.Requests, Has.Count.EqualTo(5));
        });
    }

    [Test]
    public async Task TrackAsync_UrlLongerThanMaxUrlLength_IsRejectedAndNeverSent()
    {
        var fake = new FakePartnerize();
        await using var services = TrackerHarness.Create(fake, options => options.MaxUrlLength = 200);

        var result = await services.Tracker().TrackAsync(TrackerHarness.Draft(1) with { Voucher = new string('v', 300) });

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Rejected));
            Assert.That(result.Rejections.Single().Code, Is.EqualTo(RejectionCodes.UrlTooLong));
            Assert.That(fake.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task TrackAsync_NoCampaignAnywhere_ThrowsNamingTheSetting()
    {
        await using var services = TrackerHarness.Create(new FakePartnerize(), options => options.CampaignId = null);

        var exception = Assert.ThrowsAsync<InvalidOperationException>(() => services.Tracker().TrackAsync(TrackerHarness.Draft(1)));

        Assert.That(exception!.Message, Does.Contain("Partnerize:CampaignId"));
    }

    [Test]
    public async Task TrackAsync_BlankCampaignArgument_ThrowsArgumentException()
    {
        await using var services = TrackerHarness.Create(new FakePartnerize());

        Assert.ThrowsAsync<ArgumentException>(() => services.Tracker().TrackAsync(TrackerHarness.Draft(1), campaignId: " "));
    }

    [TestCase(HttpStatusCode.OK)]
    [TestCase(HttpStatusCode.Created)]
    [TestCase(HttpStatusCode.Accepted)]
    [TestCase(HttpStatusCode.NoContent)]
    public async Task TrackAsync_AnySuccessStatus_IsSentAndNeverRetried(HttpStatusCode status)
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Status(status, body: " queued ").AfterRecording());
        await using var services = TrackerHarness.Create(fake);

        var result = await services.Tracker().TrackAsync(TrackerHarness.Draft(1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Sent));
            Assert.That(result.StatusCode, Is.EqualTo(status));
            Assert.That(result.Attempts, Is.EqualTo(1));
            Assert.That(fake.TrackingRequests, Has.Count.EqualTo(1));
        });
    }

    [TestCase(HttpStatusCode.BadRequest)]
    [TestCase(HttpStatusCode.Unauthorized)]
    [TestCase(HttpStatusCode.Forbidden)]
    [TestCase(HttpStatusCode.NotFound)]
    [TestCase(HttpStatusCode.NotImplemented)]
    [TestCase(HttpStatusCode.HttpVersionNotSupported)]
    public async Task TrackAsync_PermanentFailure_FailsWithoutRetry(HttpStatusCode status)
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Status(status, body: "  refused: duplicate  "));
        await using var services = TrackerHarness.Create(fake);

        var result = await services.Tracker().TrackAsync(TrackerHarness.Draft(1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Failed));
            Assert.That(result.StatusCode, Is.EqualTo(status));
            Assert.That(result.ResponseBody, Is.EqualTo("refused: duplicate"));
            Assert.That(result.Attempts, Is.EqualTo(1));
            Assert.That(result.FailureReason, Does.StartWith($"Partnerize answered {(int)status} (").And.Contain("not retried"));
            Assert.That(fake.TrackingRequests, Has.Count.EqualTo(1));
            Assert.That(fake.Conversions, Is.Empty);
        });
    }

    [TestCase(HttpStatusCode.RequestTimeout)]
    [TestCase(HttpStatusCode.TooManyRequests)]
    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task TrackAsync_TransientFailureThenSuccess_IsRetriedAndSent(HttpStatusCode status)
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Status(status).ForFirstAttempts(2));
        await using var services = TrackerHarness.Create(fake);

        var result = await services.Tracker().TrackAsync(TrackerHarness.Draft(1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Sent));
            Assert.That(result.Attempts, Is.EqualTo(3));
            Assert.That(fake.TrackingRequests.Select(r => r.StatusCode), Is.EqualTo(new int?[] { (int)status, (int)status, 200 }));
            Assert.That(fake.Conversions, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task TrackAsync_TransientFailureEveryTime_FailsWithTheLastStatusWhenRetriesRunOut()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Status(HttpStatusCode.ServiceUnavailable, "busy"));
        await using var services = TrackerHarness.Create(fake, options => options.MaxRetryAttempts = 2);

        var result = await services.Tracker().TrackAsync(TrackerHarness.Draft(1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Failed));
            Assert.That(result.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(result.ResponseBody, Is.EqualTo("busy"));
            Assert.That(result.Attempts, Is.EqualTo(3));
            Assert.That(result.FailureReason, Is.EqualTo("Partnerize answered 503 (Service Unavailable) and no retries were left after 3 attempts."));
            Assert.That(fake.TrackingRequests, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task TrackAsync_NoRetriesConfigured_MakesOneAttempt()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Status(HttpStatusCode.ServiceUnavailable));
        await using var services = TrackerHarness.Create(fake, options => options.MaxRetryAttempts = 0);

        var result = await services.Tracker().TrackAsync(TrackerHarness.Draft(1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Failed));
            Assert.That(result.Attempts, Is.EqualTo(1));
            Assert.That(fake.TrackingRequests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task TrackAsync_ConnectionDroppedEveryTime_FailsWithoutStatus()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.DropConnection());
        await using var services = TrackerHarness.Create(fake);

        var result = await services.Tracker().TrackAsync(TrackerHarness.Draft(1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Failed));
            Assert.That(result.StatusCode, Is.Null);
            Assert.That(result.Attempts, Is.EqualTo(4));
            Assert.That(result.FailureReason, Does.StartWith("The tracking host could not be reached or closed the connection (").And.EndWith("no retries were left after 4 attempts."));
        });
    }

    [Test]
    public async Task TrackAsync_NoAnswerWithinTheTimeout_IsRetriedThenFails()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Delayed(TimeSpan.FromMinutes(5)));
        await using var services = TrackerHarness.Create(fake, options =>
        {
            options.TrackingTimeout = TimeSpan.FromMilliseconds(20);
            options.MaxRetryAttempts = 1;
        });

        var result = await services.Tracker().TrackAsync(TrackerHarness.Draft(1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Failed));
            Assert.That(result.Attempts, Is.EqualTo(2));
            Assert.That(result.FailureReason, Does.Contain("did not answer within 0.02 s (PartnerizeOptions.TrackingTimeout)"));
            Assert.That(fake.InFlight, Is.Zero);
        });
    }

    [Test]
    public async Task TrackAsync_CancelledWhileInFlight_IsCancelledNotThrown()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Delayed(TimeSpan.FromMinutes(5)));
        await using var services = TrackerHarness.Create(fake);
        using var cancellation = new CancellationTokenSource();

        var sending = services.Tracker().TrackAsync(TrackerHarness.Draft(1), cancellationToken: cancellation.Token);
        await fake.WaitForRequestsAsync(1, cancellationToken: TrackerHarness.GuardToken);
        await cancellation.CancelAsync();
        var result = await sending.WaitAsync(TrackerHarness.Guard);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Cancelled));
            Assert.That(result.Attempts, Is.EqualTo(1));
            Assert.That(result.FailureReason, Does.Contain("may still have recorded the conversion"));
        });
    }

    [Test]
    public async Task TrackAsync_AlreadyCancelled_SendsNothing()
    {
        var fake = new FakePartnerize();
        await using var services = TrackerHarness.Create(fake);

        var result = await services.Tracker().TrackAsync(TrackerHarness.Draft(1), cancellationToken: new CancellationToken(canceled: true));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Cancelled));
            Assert.That(result.Attempts, Is.Zero);
            Assert.That(fake.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task TrackAsync_LongResponseBody_IsCutTo1024Characters()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Status(HttpStatusCode.BadRequest, new string('é', 3000)));
        await using var services = TrackerHarness.Create(fake);

        var result = await services.Tracker().TrackAsync(TrackerHarness.Draft(1));

        Assert.Multiple(() =>
        {
            Assert.That(result.ResponseBody, Has.Length.LessThanOrEqualTo(1024));
            Assert.That(result.ResponseBody, Does.EndWith("…"));
            Assert.That(result.ResponseBody!.TrimEnd('…'), Is.EqualTo(new string('é', result.ResponseBody.Length - 1)));
        });
    }

    [Test]
    public async Task AddPartnerize_CalledTwice_RetriesAsConfiguredNotTwice()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Status(HttpStatusCode.ServiceUnavailable));
        var services = new ServiceCollection();
        services.AddPartnerize(options =>
        {
            options.CampaignId = "10l176";
            options.RetryBaseDelay = TimeSpan.Zero;
            options.MaxRetryAttempts = 2;
        });
        services.AddPartnerize().UseFakePartnerize(fake);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.Tracker().TrackAsync(TrackerHarness.Draft(1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Attempts, Is.EqualTo(3));
            Assert.That(fake.TrackingRequests, Has.Count.EqualTo(3));
        });
    }

    private sealed class VoucherDroppingValidator : IConversionValidator
    {
        public ConversionValidationResult Validate(ConversionDraft draft) => ConversionValidator.Default.Validate(draft with { Voucher = null });
    }

    private sealed class NoVouchersValidator : IConversionValidator
    {
        public ConversionValidationResult Validate(ConversionDraft draft) => draft.Voucher is null
            ? ConversionValidator.Default.Validate(draft)
            : ConversionValidationResult.Rejected([new ConversionRejection("house_rule", "voucher", "Vouchers are not tracked.")]);
    }
}
