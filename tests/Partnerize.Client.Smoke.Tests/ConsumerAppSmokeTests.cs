using System.Security;

namespace Partnerize.Client.Smoke.Tests;

/// <summary>
/// A consumer who knows nothing of this repository: a new console app outside it, referencing Partnerize.Client and
/// Partnerize.Client.Testing by version from the local feed, whose Program.cs is the README's quick start. It
/// registers with <c>AddPartnerize</c>, tests the connection, lists campaigns and sends conversions to the fake.
/// </summary>
[Category("Smoke")]
public class ConsumerAppSmokeTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    [Test]
    public async Task ReadmeQuickStart_BuiltFromThePackages_SendsToTheFakeAndExitsZero()
    {
        var feed = SmokeFeed.Instance;
        await SmokeFeed.PackAsync("src/Partnerize.Client/Partnerize.Client.csproj");
        await SmokeFeed.PackAsync("src/Partnerize.Client.Testing/Partnerize.Client.Testing.csproj");
        var app = Path.Combine(feed.Root, "QuickStart");
        Directory.CreateDirectory(app);
        await File.WriteAllTextAsync(Path.Combine(app, "QuickStart.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <!-- Built for both frameworks the packages target; run on the one this machine has. -->
                <TargetFrameworks>net10.0;net8.0</TargetFrameworks>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsNotAsErrors>NU1901;NU1902;NU1903;NU1904</WarningsNotAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Partnerize.Client" Version="{SecurityElement.Escape(feed.Version)}" />
                <PackageReference Include="Partnerize.Client.Testing" Version="{SecurityElement.Escape(feed.Version)}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), ReadmeQuickStart.Program().Code);

        var build = await DotnetCli.RunAsync(app, ["build", "--configuration", "Release", "--disable-build-servers", "-nologo"], BuildTimeout);
        Assert.That(build.ExitCode, Is.Zero, build.ToString);
        var run = await DotnetCli.RunAsync(app, [Path.Combine(app, "bin", "Release", "net10.0", "QuickStart.dll")], BuildTimeout);

        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        Assert.That(ReadmeQuickStart.Differences(run.StandardOutput), Is.Empty, run.ToString);
        var assets = await File.ReadAllTextAsync(Path.Combine(app, "obj", "project.assets.json"));
        Assert.That(assets, Does.Contain($"\"Partnerize.Client/{feed.Version}\"").And.Contain($"\"Partnerize.Client.Testing/{feed.Version}\""),
            "the app restored the packages just packed");
    }
}
