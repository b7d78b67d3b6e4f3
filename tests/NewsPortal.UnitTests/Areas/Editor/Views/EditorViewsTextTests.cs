using System.Text.RegularExpressions;

namespace NewsPortal.UnitTests.Areas.Editor.Views;

public class EditorViewsTextTests
{
    public static TheoryData<string> EditorViews()
    {
        var folder = RepositoryFiles.PathOf("src", "NewsPortal.Web", "Areas", "Editor", "Views");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cshtml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(folder, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EditorViews))]
    public void EditorViewTakesEveryInterfaceTextFromTheLocalizer(string view)
    {
        var razor = File.ReadAllText(RepositoryFiles.PathOf("src", "NewsPortal.Web", "Areas", "Editor", "Views", view));

        Assert.Empty(RazorTextScanner.HardCodedText(razor));
    }

    [Fact]
    public void EditorViewsLinkThroughTagHelpersNotEditorPaths()
    {
        var folder = RepositoryFiles.PathOf("src", "NewsPortal.Web", "Areas", "Editor", "Views");
        var withPaths = Directory.EnumerateFiles(folder, "*.cshtml", SearchOption.AllDirectories)
            .Where(file => Regex.IsMatch(File.ReadAllText(file), "[\"'=]/editor([/\"'?]|$)", RegexOptions.IgnoreCase | RegexOptions.Multiline))
            .Select(Path.GetFileName);

        Assert.Empty(withPaths);
    }

    [Theory]
    [InlineData("<p>Sign in</p>", "Sign in")]
    [InlineData("<button type=\"submit\">@T[\"Form.Save\"] now</button>", "now")]
    [InlineData("<a aria-label=\"Editor sections\" href=\"#\">@T[\"Layout.Dashboard\"]</a>", "Editor sections")]
    [InlineData("<img alt=\"The current picture\" src=\"@Model.Src\">", "The current picture")]
    [InlineData("<input type=\"submit\" value=\"Save\">", "Save")]
    [InlineData("<!DOCTYPE html>\n<title>NewsPortal editor</title>", "NewsPortal editor")]
    public void ScannerFindsHardCodedText(string razor, string expected) =>
        Assert.Contains(expected, RazorTextScanner.HardCodedText(razor));

    [Theory]
    [InlineData("@{ ViewData[\"Title\"] = \"Users\"; }\n<h1>@T[\"Users.Title\"]</h1>")]
    [InlineData("@foreach (var i in Model) {\n    var name = i.Name;\n    <li>@name (@i.Count) · 3</li>\n}")]
    [InlineData("@if (i < Model.Count) {<text> · </text>}\nelse\n{\n}")]
    [InlineData("<input type=\"hidden\" name=\"Edition\" value=\"ru\">@* A comment in English *@")]
    [InlineData("<button type=\"submit\" name=\"command\" value=\"Save\">@T[\"Form.Save\"]</button>")]
    [InlineData("<p>@(Model.Live ? T[\"A\"] : T[\"B\"]) &gt; @Model.Name.ToUpper()</p>")]
    public void ScannerIgnoresRazorCodeAndSymbols(string razor) =>
        Assert.Empty(RazorTextScanner.HardCodedText(razor));
}
