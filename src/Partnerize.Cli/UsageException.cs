namespace Partnerize.Cli;

/// <summary>A problem with what the user asked for (arguments, files, mapping); the tool exits with code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UsageException()
    {
    }
}
