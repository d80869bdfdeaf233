using Partnerize.Client.Campaigns;

namespace Partnerize.Client.Tests.Campaigns;

public class CampaignStatusTests
{
    [TestCase("a", "approved", true)]
    [TestCase("A", "approved", true)]
    [TestCase(" p ", "pending", true)]
    [TestCase("r", "rejected", true)]
    [TestCase("d", "d", false)]
    [TestCase("", "none", false)]
    public void DisplayName_Code_NamesKnownCodesAndKeepsOthers(string code, string displayName, bool known)
    {
        var status = new CampaignStatus(code);

        Assert.Multiple(() =>
        {
            Assert.That(status.DisplayName, Is.EqualTo(displayName));
            Assert.That(status.IsKnown, Is.EqualTo(known));
            Assert.That(status.ToString(), Is.EqualTo(code.Trim()));
        });
    }

    [Test]
    public void Equals_SameCodeDifferentCase_EqualWithSameHash()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new CampaignStatus("A") == CampaignStatus.Approved, Is.True);
            Assert.That(new CampaignStatus("A").GetHashCode(), Is.EqualTo(CampaignStatus.Approved.GetHashCode()));
            Assert.That(CampaignStatus.Approved != CampaignStatus.Pending, Is.True);
            Assert.That(default(CampaignStatus), Is.EqualTo(new CampaignStatus("")));
            Assert.That(default(CampaignStatus).Value, Is.Empty);
        });
    }
}
