using System.Diagnostics;
using System.Xml.Linq;
using CollabAddin.Api.Tests.Panes;

namespace CollabAddin.Api.Tests.Manifests;

/// <summary>
/// The add-in manifests against Microsoft's XSDs (../shared/schemas/office-addin-manifest). Those schemas date from
/// 2020 and reject a few elements Office now accepts; as their README says, a copy without exactly those elements is
/// validated, and the removed elements are checked here on their own (position and children).
/// </summary>
public sealed class ManifestTests
{
    private static readonly XNamespace App = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static readonly XNamespace Bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    private static readonly XNamespace Mail11 = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";

    private static string Manifest(string name) => Path.Combine(Repository.Root, "manifest", name);

    private static string Schema(string kind)
    {
        for (var dir = new DirectoryInfo(Repository.Root); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "schemas", "office-addin-manifest", kind, "OfficeAppManifestV1_1.xsd");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("shared/schemas/office-addin-manifest was not found beside the repository.");
    }

    private static async Task<(int Exit, string Output)> XmlLint(string schema, string file)
    {
        var start = new ProcessStartInfo("xmllint") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "--noout", "--nonet", "--schema", schema, file }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, error);
    }

    /// <summary>Removes exactly the elements the 2020 schemas do not know, and returns them for their own checks.</summary>
    private static (string File, List<XElement> Removed) WithoutNewerElements(XDocument manifest)
    {
        var copy = new XDocument(manifest);
        var removed = copy.Descendants(Mail11 + "SupportsSharedFolders")
            .Concat(copy.Descendants(Mail11 + "WebApplicationInfo").Where(e => e.Parent?.Name == Mail11 + "VersionOverrides"))
            .ToList();
        foreach (var element in removed) element.Remove();
        var file = Path.Combine(Directory.CreateTempSubdirectory("manifest-").FullName, "manifest.xml");
        copy.Save(file);
        return (file, removed);
    }

    [Theory]
    [InlineData("outlook.xml", "mail")]
    [InlineData("word.xml", "taskpane")]
    public async Task The_manifest_validates_against_microsofts_schema(string name, string kind)
    {
        var (file, _) = WithoutNewerElements(XDocument.Load(Manifest(name)));
        var (exit, output) = await XmlLint(Schema(kind), file);
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task A_broken_manifest_fails_the_same_check()
    {
        var manifest = XDocument.Load(Manifest("word.xml"));
        manifest.Root!.Element(App + "Permissions")!.Remove();
        var (file, _) = WithoutNewerElements(manifest);
        Assert.Equal(3, (await XmlLint(Schema("taskpane"), file)).Exit);
    }

    [Fact]
    public void The_newer_outlook_elements_are_where_the_current_spec_puts_them()
    {
        var (_, removed) = WithoutNewerElements(XDocument.Load(Manifest("outlook.xml")));
        Assert.Equal(["SupportsSharedFolders", "WebApplicationInfo"], removed.Select(e => e.Name.LocalName));
        var manifest = XDocument.Load(Manifest("outlook.xml"));
        var shared = manifest.Descendants(Mail11 + "SupportsSharedFolders").Single();
        Assert.Equal(("DesktopFormFactor", "true"), (shared.Parent!.Name.LocalName, shared.Value));
        Assert.Null(shared.ElementsBeforeSelf().FirstOrDefault()); // first in DesktopFormFactor
        var info = manifest.Descendants(Mail11 + "WebApplicationInfo").Single();
        Assert.Equal("Resources", ((XElement)info.PreviousNode!).Name.LocalName); // after Resources, last in VersionOverrides 1.1
        Assert.Equal(["Id", "Resource", "Scopes"], info.Elements().Select(e => e.Name.LocalName));
        Assert.Matches("^api://localhost:5443/[0-9a-f-]{36}$", info.Element(Mail11 + "Resource")!.Value);
    }

    [Theory]
    [InlineData("outlook.xml")]
    [InlineData("word.xml")]
    public void Every_resource_is_defined_every_string_has_chinese_and_every_icon_exists(string name)
    {
        var manifest = XDocument.Load(Manifest(name));
        foreach (var overrides in manifest.Root!.Descendants().Where(e => e.Name.LocalName == "VersionOverrides"))
        {
            var resources = overrides.Elements().Single(e => e.Name.LocalName == "Resources");
            var defined = resources.Descendants().Where(e => e.Attribute("id") is not null).Select(e => e.Attribute("id")!.Value).ToHashSet();
            var used = overrides.Descendants().Where(e => e.Ancestors().All(a => a.Name.LocalName != "Resources") && e.Attribute("resid") is not null
                    && e.Ancestors().First(a => a.Name.LocalName == "VersionOverrides") == overrides)
                .Select(e => e.Attribute("resid")!.Value).ToHashSet();
            Assert.Empty(used.Except(defined));
            foreach (var text in resources.Descendants(Bt + "String"))
                Assert.Contains(text.Elements(Bt + "Override"), o => o.Attribute("Locale")!.Value == "zh-CN");
        }
        Assert.Contains(manifest.Root.Element(App + "DisplayName")!.Elements(App + "Override"), o => o.Attribute("Locale")!.Value == "zh-CN");
        var icons = manifest.Descendants().SelectMany(e => e.Attributes("DefaultValue")).Select(a => a.Value).Where(v => v.EndsWith(".png", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(icons);
        foreach (var icon in icons)
            Assert.True(File.Exists(Path.Combine(Repository.Root, "src", "AddinWeb", "public", new Uri(icon).AbsolutePath.TrimStart('/'))), icon);
        Assert.Contains("16", manifest.Descendants(Bt + "Image").Select(i => i.Attribute("size")?.Value));
    }

    [Fact]
    public async Task The_build_script_writes_valid_manifests_for_another_environment()
    {
        var output = Directory.CreateTempSubdirectory("manifests-").FullName;
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, Environment = { ["OUT_DIR"] = output } };
        foreach (var a in new[] { Manifest("build-manifests.sh"), "https://collab.contoso.example", "11111111-2222-3333-4444-555555555555" }) start.ArgumentList.Add(a);
        using (var process = Process.Start(start)!)
        {
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        }
        foreach (var (name, kind) in new[] { ("outlook.xml", "mail"), ("word.xml", "taskpane") })
        {
            var text = await File.ReadAllTextAsync(Path.Combine(output, name));
            Assert.DoesNotContain("localhost", text);
            Assert.Contains("https://collab.contoso.example/assets/icon-16.png", text);
            Assert.Contains("api://collab.contoso.example/11111111-2222-3333-4444-555555555555", text);
            var (file, _) = WithoutNewerElements(XDocument.Parse(text));
            var (exit, errors) = await XmlLint(Schema(kind), file);
            Assert.True(exit == 0, errors);
        }
    }
}
