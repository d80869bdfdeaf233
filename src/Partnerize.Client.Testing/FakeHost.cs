namespace Partnerize.Client.Testing;

/// <summary>Which of Partnerize's two hosts a request was meant for.</summary>
public enum FakeHost
{
    /// <summary>The conversion tracking host (paths under <c>/conversion/</c>).</summary>
    Tracking,

    /// <summary>The management API (<c>/user/account</c>, <c>/campaign</c>, ...).</summary>
    ManagementApi,
}
