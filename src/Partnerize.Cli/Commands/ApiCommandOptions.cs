using System.CommandLine;

namespace Partnerize.Cli.Commands;

/// <summary>The options every management API command takes, defined once and read into a session.</summary>
internal sealed class ApiCommandOptions
{
    private readonly Option<string?> _applicationKey = CommonOptions.ApplicationKey();
    private readonly Option<string?> _apiKey = CommonOptions.ApiKey();
    private readonly Option<Uri?> _apiUrl = CommonOptions.ApiUrl();
    private readonly Option<bool> _sandbox = CommonOptions.Sandbox();
    private readonly Option<bool> _json = CommonOptions.Json();

    /// <summary>Creates a command carrying these options.</summary>
    public Command CreateCommand(string name, string description) => new(name, description)
    {
        _applicationKey, _apiKey, _apiUrl, _sandbox, _json,
    };

    public bool Json(ParseResult parseResult) => parseResult.GetValue(_json);

    /// <summary>Starts a session with the keys from the options or the environment (or the sandbox's).</summary>
    public Task<ApiSession> StartSessionAsync(ParseResult parseResult, CliConsole console, CancellationToken cancellationToken)
    {
        var (application, api) = CommonOptions.ResolveKeys(parseResult, _applicationKey, _apiKey, console);
        return ApiSession.StartAsync(application, api, parseResult.GetValue(_apiUrl), parseResult.GetValue(_sandbox), console, cancellationToken);
    }
}
