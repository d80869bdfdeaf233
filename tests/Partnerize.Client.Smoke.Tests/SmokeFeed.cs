namespace Partnerize.Client.Smoke.Tests;

/// <summary>One temporary feed for the whole smoke run, deleted at its end.</summary>
[SetUpFixture]
public sealed class SmokeFeed
{
    private static LocalPackageFeed? feed;

    /// <summary>The run's feed.</summary>
    public static LocalPackageFeed Instance => feed ?? throw new InvalidOperationException("The smoke feed is created by the set-up fixture.");

    /// <summary>Packs a project into the feed (once) and fails the test with the pack's output if it did not work.</summary>
    public static async Task PackAsync(string project)
    {
        var pack = await Instance.PackAsync(project);
        Assert.That(pack.ExitCode, Is.Zero, pack.ToString);
    }

    [OneTimeSetUp]
    public async Task CreateFeedAsync() => feed = await LocalPackageFeed.CreateAsync();

    [OneTimeTearDown]
    public void DeleteFeed()
    {
        feed?.Dispose();
        feed = null;
    }
}
