using System.Globalization;
using System.Security;

namespace Partnerize.Client.Smoke.Tests;

/// <summary>
/// A temporary folder outside the repository holding a local package feed, filled by <c>dotnet pack</c> with a
/// unique prerelease version, and a nuget.config that adds that feed to the machine's own sources.
/// </summary>
/// <remarks>
/// The packages are built from the repository's sources into the folder's own artifacts path, so the repository's
/// bin/ and obj/ are left alone. Restores in the folder extract packages to the folder's own package cache: the
/// smoke packages never reach the machine's cache, and the machine's cache is used as a read-only fallback for
/// everything else, so no package is downloaded that the machine already has.
/// </remarks>
public sealed class LocalPackageFeed : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(8);
    private readonly Dictionary<string, Task<ProcessResult>> packs = [];
    private readonly Lock gate = new();

    private LocalPackageFeed(string root, string version)
    {
        Root = root;
        Version = version;
    }

    /// <summary>The temporary folder: the feed, the nuget.config, the artifacts and the apps live under it.</summary>
    public string Root { get; }

    /// <summary>The folder the packages are packed into.</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The packages' version: the repository's version with a prerelease suffix unique to this run.</summary>
    public string Version { get; }

    /// <summary>Creates the temporary folder and its nuget.config.</summary>
    public static async Task<LocalPackageFeed> CreateAsync()
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var root = Path.Combine(Path.GetTempPath(), $"partnerize-smoke-{unique}");
        Directory.CreateDirectory(Path.Combine(root, "feed"));
        var feed = new LocalPackageFeed(root, $"{RepositoryVersionPrefix()}-smoke.{stamp}.{unique}");
        var machinePackages = await MachinePackagesFolderAsync(root);
        await File.WriteAllTextAsync(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!-- Written by the smoke tests: the local feed in addition to the machine's own sources. -->
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(Path.Combine(root, "packages"))}" />
              </config>
              <packageSources>
                <add key="partnerize-smoke" value="{SecurityElement.Escape(feed.Feed)}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{SecurityElement.Escape(machinePackages)}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        return feed;
    }

    /// <summary>Packs a project of the repository into the feed, once per project however often it is asked.</summary>
    /// <param name="project">The project file, relative to the repository root.</param>
    public Task<ProcessResult> PackAsync(string project)
    {
        lock (gate)
        {
            if (!packs.TryGetValue(project, out var pack))
            {
                pack = DotnetCli.RunAsync(Root,
                [
                    "pack", Path.Combine(RepositoryFiles.Root, project),
                    "--configuration", "Release",
                    "--output", Feed,
                    "--artifacts-path", Path.Combine(Root, "artifacts"),
                    "--disable-build-servers",
                    $"-p:Version={Version}",
                    "-nologo",
                ], PackTimeout);
                packs[project] = pack;
            }

            return pack;
        }
    }

    /// <summary>Deletes the temporary folder.</summary>
    public void Dispose()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(Root))
                {
                    Directory.Delete(Root, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 5)
            {
                // A process that just exited may still hold a file for a moment.
                Thread.Sleep(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    private static string RepositoryVersionPrefix()
    {
        var props = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "Directory.Build.props"));
        var start = props.IndexOf("<VersionPrefix>", StringComparison.Ordinal) + "<VersionPrefix>".Length;
        var end = props.IndexOf("</VersionPrefix>", start, StringComparison.Ordinal);
        return props[start..end].Trim();
    }

    private static async Task<string> MachinePackagesFolderAsync(string workingDirectory)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        // "global-packages: /home/me/.nuget/packages/"
        var locals = await DotnetCli.RunAsync(workingDirectory, ["nuget", "locals", "global-packages", "--list"], TimeSpan.FromMinutes(1));
        var line = locals.StandardOutput.Split('\n').FirstOrDefault(l => l.Contains("global-packages:", StringComparison.Ordinal));
        return line is null
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages")
            : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
